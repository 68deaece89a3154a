package lookout.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What this machine cannot verify, declared where it can be checked: Jib writes a multi-platform
 * image only to a registry (never to a tar, and no registry is reachable here), so CI builds and
 * starts the linux/amd64 tar, and this test holds the bot module's push execution (profile
 * image-release) to both platforms. The arm64 image itself is only built by a real release.
 */
class ReleasePlatformsTest {
  @Test
  void the_release_push_builds_linux_amd64_and_linux_arm64() throws Exception {
    Element push = jibExecution("image-push");

    assertThat(text(push, "goal")).containsExactly("build");
    assertThat(platforms(push)).containsExactly("linux/amd64", "linux/arm64");
  }

  @Test
  void the_tar_ci_builds_is_the_single_default_platform() throws Exception {
    Element tar = jibExecution("image-tar");

    assertThat(text(tar, "goal")).containsExactly("buildTar");
    assertThat(platforms(tar)).isEmpty();
  }

  private static Element jibExecution(String id) throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                Path.of(System.getProperty("lookout.jar.dir", "../bot/target"))
                    .resolveSibling("pom.xml")
                    .toFile());
    NodeList executions = pom.getElementsByTagName("execution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element e = (Element) executions.item(i);
      if (text(e, "id").contains(id)) {
        return e;
      }
    }
    throw new AssertionError("no execution " + id + " in bot/pom.xml");
  }

  private static List<String> platforms(Element execution) {
    List<String> out = new ArrayList<>();
    NodeList platforms = execution.getElementsByTagName("platform");
    for (int i = 0; i < platforms.getLength(); i++) {
      Element p = (Element) platforms.item(i);
      out.add(text(p, "os").get(0) + "/" + text(p, "architecture").get(0));
    }
    return out;
  }

  private static List<String> text(Element parent, String tag) {
    List<String> out = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }
}
