package lookout.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A Docker-format image tar ({@code manifest.json}, the config blob, gzipped layer tars) read with
 * a small ustar reader: enough for the regular files and folders Jib writes.
 */
final class ImageTar {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One file in a layer: path (no leading slash), Unix mode, and its bytes when kept. */
  record Entry(String path, int mode, boolean directory, long size) {}

  interface Visitor {
    void visit(Entry entry, InputStream content) throws IOException;
  }

  final JsonNode config;
  final List<String> layers;
  private final Map<String, Path> files;

  private ImageTar(JsonNode config, List<String> layers, Map<String, Path> files) {
    this.config = config;
    this.layers = layers;
    this.files = files;
  }

  /** Unpacks the outer tar into {@code work} (layers stay gzipped) and reads the config. */
  static ImageTar read(Path tar, Path work) throws IOException {
    Map<String, Path> files = new LinkedHashMap<>();
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(tar))) {
      walk(
          in,
          (e, content) -> {
            if (!e.directory()) {
              Path out = work.resolve("blob-" + files.size());
              Files.copy(content, out);
              files.put(e.path(), out);
            }
          });
    }
    JsonNode manifest = JSON.readTree(files.get("manifest.json").toFile()).get(0);
    JsonNode config = JSON.readTree(files.get(manifest.get("Config").asText()).toFile());
    List<String> layers = new ArrayList<>();
    manifest.get("Layers").forEach(l -> layers.add(l.asText()));
    return new ImageTar(config, layers, files);
  }

  /** Every entry of every layer, bottom layer first. */
  void eachLayerEntry(Visitor visitor) throws IOException {
    for (String layer : layers) {
      try (InputStream in =
          new GZIPInputStream(
              new java.io.BufferedInputStream(Files.newInputStream(files.get(layer))), 65536)) {
        walk(in, visitor);
      }
    }
  }

  /** Writes every layer into {@code root}, keeping the modes. */
  void extract(Path root) throws IOException {
    eachLayerEntry(
        (e, content) -> {
          Path target = root.resolve(e.path()).normalize();
          if (!target.startsWith(root)) {
            throw new IOException("layer entry escapes the root: " + e.path());
          }
          if (e.directory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(content, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
          Files.setPosixFilePermissions(target, permissions(e.mode()));
        });
  }

  private static void walk(InputStream in, Visitor visitor) throws IOException {
    byte[] header = new byte[512];
    String paxPath = null;
    while (in.readNBytes(header, 0, 512) == 512) {
      if (header[0] == 0) {
        return; // end-of-archive blocks
      }
      String name = text(header, 0, 100);
      String prefix = text(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      if (paxPath != null) {
        name = paxPath; // a PAX header before this entry carried its full (long) path
        paxPath = null;
      }
      long size = octal(header, 124, 12);
      int mode = (int) octal(header, 100, 8);
      char type = (char) header[156];
      String path = name.replaceFirst("^\\./", "").replaceFirst("^/", "");
      if (type == 'L') {
        throw new IOException("GNU long names are not supported: " + path);
      }
      InputStream body = new Bounded(in, size);
      if (type == 'x') {
        paxPath = paxRecord(new String(body.readAllBytes(), StandardCharsets.UTF_8), "path");
      }
      if (type == '0' || type == 0 || type == '5') {
        visitor.visit(new Entry(path, mode, type == '5', size), body);
      }
      body.skipNBytes(((Bounded) body).left);
      in.skipNBytes((512 - size % 512) % 512);
    }
  }

  /** The next {@code left} bytes of the archive: one entry's content. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    long left;

    Bounded(InputStream in, long size) {
      this.in = in;
      this.left = size;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(buf, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() {
      // the archive stays open for the next entry
    }
  }

  /** The value of {@code key} in PAX records ({@code "<length> <key>=<value>\\n"}), or null. */
  static String paxRecord(String records, String key) {
    for (String line : records.split("\n")) {
      int space = line.indexOf(' ');
      int eq = line.indexOf('=');
      if (space > 0 && eq > space && line.substring(space + 1, eq).equals(key)) {
        return line.substring(eq + 1);
      }
    }
    return null;
  }

  private static String text(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int off, int len) {
    String s = text(b, off, len).trim();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> p = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        p.add(order[i]);
      }
    }
    return p;
  }
}
