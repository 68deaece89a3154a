/** The command line: {@code serve} (default), {@code ask}, {@code check-config}. */
package lookout.bot.cli;
