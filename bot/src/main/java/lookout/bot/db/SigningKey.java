package lookout.bot.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The HMAC key that signs buttons. It must survive restarts (or every posted button breaks), so
 * when none is configured one is generated once and kept, readable by the owner only, in the data
 * dir.
 */
public final class SigningKey {
  private SigningKey() {}

  public static byte[] loadOrCreate(Optional<String> configured, Path dataDir) throws IOException {
    if (configured.isPresent()) {
      return configured.get().getBytes(StandardCharsets.UTF_8);
    }
    Path file = dataDir.resolve("signing.key");
    if (Files.exists(file)) {
      byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
      if (key.length < 32) {
        throw new IOException(
            file + " holds a key shorter than 32 bytes; delete it to generate a new one");
      }
      return key;
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.createDirectories(dataDir);
    Path tmp = dataDir.resolve("signing.key.tmp");
    Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (e.g. Windows): the data dir's own permissions apply.
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return key;
  }
}
