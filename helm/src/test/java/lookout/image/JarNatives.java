package lookout.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The native libraries and debug-symbol files a jar carries, by entry name. */
record JarNatives(List<String> libraries, List<String> debugSymbols) {
  private static final Pattern LIBRARY = Pattern.compile(".*\\.(so|dll|dylib|jnilib)$");
  private static final Pattern DEBUG = Pattern.compile(".*(\\.pdb|\\.dSYM/.*|\\.debug)$");

  static JarNatives of(Path jar) throws IOException {
    TreeSet<String> libraries = new TreeSet<>();
    TreeSet<String> debug = new TreeSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .map(ZipEntry::getName)
          .forEach(
              name -> {
                if (DEBUG.matcher(name).matches()) {
                  debug.add(name);
                } else if (LIBRARY.matcher(name).matches()) {
                  libraries.add(name);
                }
              });
    }
    return new JarNatives(List.copyOf(libraries), List.copyOf(debug));
  }

  /** The natives of ONNX Runtime, the DJL tokenizer and SQLite for the given architectures. */
  static List<String> expected(String... architectures) {
    TreeSet<String> out = new TreeSet<>();
    for (String arch : architectures) {
      boolean x86 = arch.equals("x86_64");
      String onnx = "ai/onnxruntime/native/linux-" + (x86 ? "x64" : "aarch64") + "/";
      out.add(onnx + "libonnxruntime.so");
      out.add(onnx + "libonnxruntime4j_jni.so");
      out.add("native/lib/linux-" + arch + "/cpu/libtokenizers.so");
      out.add("org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so");
    }
    return List.copyOf(out);
  }
}
