package lookout.knowledge.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lookout.knowledge.RunbookQuery;

/**
 * One runbook retrieval case of {@code eval/runbooks/<part>.tsv}.
 *
 * @param expected the runbook files that answer it (relative to the corpus root); the first is the
 *     one meant, the others are accepted because their text is the same
 * @param section the heading anchor a reader needs, empty when any section will do
 * @param type {@code alert}, {@code named}, {@code en}, {@code zh}, {@code mixed} or {@code
 *     finding}
 * @param query the text as written in the file
 * @param line the line number in the file, for messages
 */
public record RunbookCase(
    List<String> expected, String section, String type, String query, int line) {
  /** The parts of the query set: {@code dev} (tuned on) and {@code heldout} (frozen). */
  public static final List<String> PARTS = List.of("dev", "heldout");

  public static List<RunbookCase> load(String part) {
    String name = "/lookout/knowledge/eval/runbooks/" + part + ".tsv";
    try (InputStream in = RunbookCase.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no query set " + name);
      }
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      return java.util.stream.IntStream.range(0, lines.size())
          .filter(i -> !lines.get(i).isBlank() && !lines.get(i).startsWith("#"))
          .mapToObj(i -> parse(name, i + 1, lines.get(i)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("while reading " + name, e);
    }
  }

  private static RunbookCase parse(String file, int line, String text) {
    String[] f = text.split("\t", 4);
    if (f.length != 4) {
      throw new IllegalArgumentException(file + ":" + line + ": need 4 tab-separated fields");
    }
    return new RunbookCase(
        List.of(f[0].split("\\|")), f[1].equals("-") ? "" : f[1], f[2], f[3], line);
  }

  /** The search this case stands for: findings and named alerts go through their builders. */
  public RunbookQuery toQuery() {
    return switch (type) {
      case "finding" -> {
        Map<String, String> f = fields(query);
        yield RunbookQuery.finding(
            f.getOrDefault("analyzer", ""),
            f.getOrDefault("reason", ""),
            f.getOrDefault("kind", ""),
            f.getOrDefault("summary", ""));
      }
      case "named" -> {
        String[] nameAndSummary = query.split(" ", 2);
        yield RunbookQuery.alert(
            nameAndSummary[0], Map.of(), nameAndSummary.length > 1 ? nameAndSummary[1] : "", "");
      }
      default -> RunbookQuery.question(query);
    };
  }

  /** {@code analyzer=X; reason=Y; kind=Z; summary=…} (the summary may contain ';'). */
  static Map<String, String> fields(String text) {
    Map<String, String> out = new HashMap<>();
    int summary = text.indexOf("summary=");
    String head = summary < 0 ? text : text.substring(0, summary);
    Arrays.stream(head.split(";"))
        .map(String::strip)
        .filter(kv -> kv.contains("="))
        .forEach(
            kv -> out.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1)));
    if (summary >= 0) {
      out.put("summary", text.substring(summary + "summary=".length()).strip());
    }
    return out;
  }
}
