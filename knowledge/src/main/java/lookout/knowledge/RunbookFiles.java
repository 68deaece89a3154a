package lookout.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads runbook files, deciding what is indexable text. */
final class RunbookFiles {
  static final long MAX_BYTES = 2L * 1024 * 1024;

  private RunbookFiles() {}

  /** A readable runbook file: its text and content hash. */
  record Content(String text, String hash) {}

  /** Every Markdown file under {@code root}, sorted; unreadable subtrees end up in problems. */
  static List<Path> list(Path root, List<IndexReport.Problem> problems) {
    if (!Files.isDirectory(root)) {
      problems.add(new IndexReport.Problem(root.toString(), "not a directory (or not readable)"));
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".md"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      problems.add(new IndexReport.Problem(root.toString(), "cannot list: " + e.getMessage()));
      return List.of();
    }
  }

  static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The file's bytes, or throws with the reason it cannot be indexed. */
  static byte[] bytes(Path file) throws Unindexable {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new Unindexable("too large (" + size + " bytes; limit " + MAX_BYTES + ")");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Unindexable("cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /** Strict UTF-8 decoding: binary files are refused rather than indexed as garbage. */
  static String text(byte[] bytes) throws Unindexable {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.indexOf('\0') >= 0) {
        throw new Unindexable("binary content (NUL bytes)");
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new Unindexable("not UTF-8 text (binary?)");
    }
  }

  /** Why a file was skipped. */
  static final class Unindexable extends Exception {
    private static final long serialVersionUID = 1L;

    Unindexable(String reason) {
      super(reason);
    }
  }
}
