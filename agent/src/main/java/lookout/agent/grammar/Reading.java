package lookout.agent.grammar;

import java.util.Objects;
import java.util.Optional;

/**
 * A request read once: the command it is, the check-up it asks for (answered before anything else),
 * and the clues for finding what it names. Every agent of the chain works from this record instead
 * of parsing the text again.
 *
 * @param checkup a check-up or capacity request ("inspect prod", "top memory staging"), or empty
 */
public record Reading(Command command, Optional<CheckupRequest> checkup, Clues clues) {
  public Reading {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(checkup, "checkup");
    Objects.requireNonNull(clues, "clues");
  }
}
