package lookout.bot;

import lookout.bot.cli.LookoutCommand;

/** {@code java -jar lookout.jar [serve|ask|check-config] …} */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = LookoutCommand.commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
