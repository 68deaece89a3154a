package lookout.bot.alerts;

import java.util.function.Consumer;

/**
 * What {@link AlertThreads} needs for the controls on a root: where ownership and the last
 * notification are kept, how the root is drawn (with or without buttons), and whom to tell that a
 * group got a notification (to look for silences made elsewhere or expired).
 */
record ThreadControls(OwnershipStore owners, RootView view, Consumer<String> notified) {
  /** Roots without buttons; nothing looks at Alertmanager. */
  static ThreadControls plain(OwnershipStore owners) {
    return new ThreadControls(owners, RootView.PLAIN, id -> {});
  }
}
