package org.casebook.casepage;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads SVG text as XML with the JDK's parser, refusing document types and external entities. */
final class SvgDocuments {
  private SvgDocuments() {}

  /**
   * The parsed document; fails the test with the parser's message if the text is not well-formed.
   */
  static Document parse(String svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(new InputSource(new StringReader(svg)));
    } catch (ParserConfigurationException | SAXException | IOException notWellFormed) {
      throw new AssertionError("not well-formed XML: " + notWellFormed.getMessage(), notWellFormed);
    }
  }

  /** Every element of {@code document}, in document order. */
  static List<Element> elements(Document document) {
    NodeList all = document.getElementsByTagNameNS("*", "*");
    List<Element> elements = new ArrayList<>();
    for (int index = 0; index < all.getLength(); index++) {
      elements.add((Element) all.item(index));
    }
    return elements;
  }

  /** The elements whose {@code class} attribute contains the word {@code className}. */
  static List<Element> withClass(Document document, String className) {
    return elements(document).stream()
        .filter(element -> List.of(element.getAttribute("class").split(" ")).contains(className))
        .toList();
  }
}
