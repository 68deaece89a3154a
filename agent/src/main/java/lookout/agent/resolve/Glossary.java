package lookout.agent.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chinese words teams use for their services, with the English words their names are made of
 * ({@code 订单} → order, {@code 支付} → payment pay), from the reviewed resource {@code
 * service-words.txt}: "订单服务挂了" finds {@code order-service}. Used only when a question mentions no
 * name in Latin letters.
 */
final class Glossary {
  private static final String RESOURCE = "/lookout/agent/resolve/service-words.txt";
  private static final Map<String, List<String>> WORDS = load();

  private Glossary() {}

  /** The English candidates of each glossary word found in {@code chinese}, longest words first. */
  static List<List<String>> translate(String chinese) {
    List<List<String>> out = new ArrayList<>();
    String rest = chinese;
    for (String zh : WORDS.keySet()) {
      if (rest.contains(zh)) {
        out.add(WORDS.get(zh));
        rest = rest.replace(zh, " "); // "购物车" is not also "车"
      }
    }
    return out;
  }

  private static Map<String, List<String>> load() {
    try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("glossary resource missing: " + RESOURCE);
      }
      List<String[]> rows = new ArrayList<>();
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(l -> l.replaceAll("#.*", "").strip())
          .filter(l -> !l.isEmpty())
          .forEach(l -> rows.add(l.split("\\s+")));
      rows.sort(Comparator.comparingInt((String[] r) -> r[0].length()).reversed());
      Map<String, List<String>> words = new LinkedHashMap<>();
      for (String[] r : rows) {
        words.put(r[0], List.of(r).subList(1, r.length));
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("while reading " + RESOURCE, e);
    }
  }
}
