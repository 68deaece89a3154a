package lookout.bot.inspect;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One cron field: {@code *}, {@code 5}, {@code 1-5}, {@code *}{@code /15}, {@code 0-30/10}, lists.
 */
final class Field {
  static final List<String> MONTHS =
      List.of(
          "", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private Field() {}

  static BitSet parse(String field, int min, int max, List<String> names, String what) {
    BitSet set = new BitSet(max + 1);
    for (String part : field.split(",", -1)) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(part.substring(slash + 1), 1, max, null, what, field);
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", -1);
        if (ends.length != 2) {
          throw bad(what, field);
        }
        from = number(ends[0], min, max, names, what, field);
        to = number(ends[1], min, max, names, what, field);
      } else {
        from = number(range, min, max, names, what, field);
        to = slash >= 0 ? max : from;
      }
      if (from > to) {
        throw bad(what, field);
      }
      for (int v = from; v <= to; v += step) {
        set.set(v);
      }
    }
    return set;
  }

  private static int number(
      String text, int min, int max, List<String> names, String what, String field) {
    if (names != null) {
      int named = names.indexOf(text.toUpperCase(Locale.ROOT));
      if (named > 0 || (named == 0 && !names.getFirst().isEmpty())) {
        return named;
      }
    }
    try {
      int v = Integer.parseInt(text);
      if (v < min || v > max) {
        throw bad(what, field);
      }
      return v;
    } catch (NumberFormatException e) {
      throw bad(what, field);
    }
  }

  private static IllegalArgumentException bad(String what, String field) {
    return new IllegalArgumentException("bad " + what + " field '" + field + "'");
  }
}
