package lookout.adapters.wecom;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads WeCom's flat callback XML ({@code <xml><Field>value</Field>…</xml>}) into a map of the
 * root's child elements, with a streaming parser (no DOM per request). DTDs and external entities
 * are refused, so a hostile body cannot make the parser fetch or expand anything.
 */
final class FlatXml {
  private static final XMLInputFactory FACTORY = factory();

  private FlatXml() {}

  static Map<String, String> read(String xml, String what) {
    Map<String, String> fields = new HashMap<>();
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(new StringReader(xml));
      int depth = 0;
      String field = null;
      StringBuilder text = new StringBuilder();
      while (r.hasNext()) {
        switch (r.next()) {
          case XMLStreamConstants.DTD ->
              throw new BadWecomRequest(400, what + ": a DOCTYPE is not allowed");
          case XMLStreamConstants.START_ELEMENT -> {
            depth++;
            if (depth == 2) {
              field = r.getLocalName();
              text.setLength(0);
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (depth == 2) {
              text.append(r.getText());
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new BadWecomRequest(400, what + ": entity references are not allowed");
          case XMLStreamConstants.END_ELEMENT -> {
            if (depth == 2 && field != null) {
              fields.put(field, text.toString().strip());
              field = null;
            }
            depth--;
          }
          default -> {}
        }
      }
      return fields;
    } catch (XMLStreamException e) {
      throw new BadWecomRequest(400, what + ": not well-formed XML: " + e.getMessage());
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // nothing held beyond the string
        }
      }
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }
}
