package lookout.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar leaves out the request/response models of Feishu's HR services (corehr, hire; see
 * bot/pom.xml). The SDK still builds those services when Lookout builds its Feishu client, so every
 * remaining class of them must link without the models, and the client and event dispatcher Lookout
 * uses must build — from the jar itself, not the build's classpath.
 */
class FeishuJarProbeTest {
  private static final Path DIR = Path.of(System.getProperty("lookout.jar.dir", "../bot/target"));
  private static final List<String> TRIMMED =
      List.of("com/lark/oapi/service/corehr/", "com/lark/oapi/service/hire/");

  @Test
  void the_feishu_client_builds_and_the_trimmed_services_link_without_their_models()
      throws Exception {
    Path jar = DIR.resolve("lookout.jar");
    assumeTrue(Files.isRegularFile(jar), "lookout.jar is built by `package`");
    List<String> services = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream()
          .map(e -> e.getName())
          .filter(n -> n.endsWith(".class") && TRIMMED.stream().anyMatch(n::startsWith))
          .forEach(
              n -> {
                assertThat(n).as("models stay out of the jar").doesNotContain("/model/");
                services.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
              });
    }
    assertThat(services).as("the services themselves stay").hasSizeGreaterThan(50);

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String name : services) {
        Class.forName(name, true, loader); // initializing links and verifies every method
      }
      Object client = build(loader.loadClass("com.lark.oapi.Client"), "cli_probe", "secret");
      assertThat(client.getClass().getMethod("corehr").invoke(client)).isNotNull();
      assertThat(client.getClass().getMethod("im").invoke(client)).isNotNull();
      assertThat(build(loader.loadClass("com.lark.oapi.event.EventDispatcher"), "", ""))
          .isNotNull();
    }
  }

  private static Object build(Class<?> type, String a, String b) throws Exception {
    Object builder = type.getMethod("newBuilder", String.class, String.class).invoke(null, a, b);
    return builder.getClass().getMethod("build").invoke(builder);
  }
}
