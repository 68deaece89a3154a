package lookout.agent.grammar;

/** Small Chinese numerals as people type replica counts: 三, 两, 十, 十五, 二十, 一百. */
final class ChineseNumber {
  private ChineseNumber() {}

  /** The value of a run of numeral characters; unknown characters count as nothing. */
  static long parse(String numerals) {
    long total = 0;
    long digit = 0;
    for (int i = 0; i < numerals.length(); i++) {
      char c = numerals.charAt(i);
      int d = "零一二三四五六七八九".indexOf(c);
      if (c == '〇') {
        d = 0;
      } else if (c == '两') {
        d = 2;
      }
      if (d >= 0) {
        digit = d;
      } else if (c == '十') {
        total += (digit == 0 ? 1 : digit) * 10;
        digit = 0;
      } else if (c == '百') {
        total += digit * 100;
        digit = 0;
      } else if (c == '千') {
        total += digit * 1000;
        digit = 0;
      }
    }
    return total + digit;
  }
}
