package lookout.adapters.wecom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads WeCom's flat callback XML ({@code <xml><Field>value</Field>…</xml>}) into a map of the
 * root's child elements. DOCTYPEs and external entities are refused, so a hostile body cannot make
 * the parser fetch or expand anything.
 */
final class FlatXml {
  private static final DocumentBuilderFactory FACTORY = factory();

  private FlatXml() {}

  static Map<String, String> read(String xml, String what) {
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(null);
      Element root =
          builder
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getDocumentElement();
      Map<String, String> fields = new HashMap<>();
      NodeList children = root.getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        Node n = children.item(i);
        if (n.getNodeType() == Node.ELEMENT_NODE) {
          fields.put(n.getNodeName(), n.getTextContent().strip());
        }
      }
      return fields;
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new BadWecomRequest(400, what + ": not well-formed XML: " + e.getMessage());
    }
  }

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser cannot be made safe", e);
    }
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    return f;
  }
}
