package lookout.agent.inspect;

import java.util.Optional;

/** Where check-ups remember the last report per scope (the bot keeps it in its database). */
public interface InspectionHistory {
  Optional<Snapshot> last(String scope);

  void save(Snapshot snapshot);

  /** No memory: every report is a first report. */
  InspectionHistory NONE =
      new InspectionHistory() {
        @Override
        public Optional<Snapshot> last(String scope) {
          return Optional.empty();
        }

        @Override
        public void save(Snapshot snapshot) {}
      };
}
