package org.casebook.transfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A mapping of an import document, read field by field. Each read records the field's line, and a
 * field of the wrong shape is reported (with its line) to the shared {@link Problems} instead of
 * thrown, so that one pass reports every error in the file.
 */
final class DocumentNode {
  private final Map<String, Node> fields = new LinkedHashMap<>();
  private final String path;
  private final int line;
  private final Problems problems;

  private DocumentNode(String path, int line, Problems problems) {
    this.path = path;
    this.line = line;
    this.problems = problems;
  }

  /** Reads {@code node} as a mapping at {@code path}, or reports that it is not one. */
  static DocumentNode of(Node node, String path, Problems problems) {
    DocumentNode mapping = new DocumentNode(path, lineOf(node), problems);
    problems.line(path, lineOf(node));
    if (!(node instanceof MappingNode map)) {
      problems.add(lineOf(node), path.isEmpty() ? "document" : path, "expected a mapping of fields (name: value)");
      return mapping;
    }
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode key)) {
        problems.add(lineOf(keyNode), path, "a field name must be plain text");
        continue;
      }
      if (mapping.fields.containsKey(key.getValue())) {
        problems.add(lineOf(keyNode), mapping.child(key.getValue()), "is given twice");
        continue;
      }
      mapping.fields.put(key.getValue(), tuple.getValueNode());
      problems.line(mapping.child(key.getValue()), lineOf(tuple.getValueNode()));
    }
    return mapping;
  }

  String path() {
    return path;
  }

  int line() {
    return line;
  }

  String child(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** Reports every field that is not in {@code known}. */
  void allowOnly(Set<String> known) {
    for (Map.Entry<String, Node> field : fields.entrySet()) {
      if (!known.contains(field.getKey())) {
        problems.add(
            lineOf(field.getValue()),
            child(field.getKey()),
            "is not a field here; expected one of: " + String.join(", ", known));
      }
    }
  }

  boolean has(String field) {
    Node node = fields.get(field);
    return node != null && !isNull(node);
  }

  /** A text field, or null when absent or null. Numbers and dates are read as they are written. */
  String text(String field) {
    Node node = fields.get(field);
    if (node == null || isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    problems.add(lineOf(node), child(field), "expected a single value, found " + shape(node));
    return null;
  }

  /** A required text field; reports its absence. */
  String requiredText(String field) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      if (!fields.containsKey(field) || isNull(fields.get(field)) || fields.get(field) instanceof ScalarNode) {
        problems.add(fields.containsKey(field) ? lineOf(fields.get(field)) : line, child(field), "is required");
      }
      return null;
    }
    return value;
  }

  Boolean flag(String field) {
    String value = text(field);
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "true", "yes" -> Boolean.TRUE;
      case "false", "no" -> Boolean.FALSE;
      default -> {
        problems.add(lineOf(fields.get(field)), child(field), "\"" + value + "\" is not true or false");
        yield null;
      }
    };
  }

  BigDecimal number(String field) {
    String value = text(field);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.replace("_", ""));
    } catch (NumberFormatException e) {
      problems.add(lineOf(fields.get(field)), child(field), "\"" + value + "\" is not a number");
      return null;
    }
  }

  DocumentNode mapping(String field) {
    Node node = fields.get(field);
    if (node == null || isNull(node)) {
      return null;
    }
    return of(node, child(field), problems);
  }

  /** A list of mappings; a single mapping or a scalar where a list is expected is reported. */
  List<DocumentNode> mappings(String field) {
    List<DocumentNode> items = new ArrayList<>();
    for (Element element : elements(field)) {
      items.add(of(element.node(), element.path(), problems));
    }
    return items;
  }

  /** A list of plain values, each with its path. */
  List<Element> values(String field) {
    List<Element> items = new ArrayList<>();
    for (Element element : elements(field)) {
      if (element.node() instanceof ScalarNode scalar && !isNull(scalar)) {
        items.add(element);
      } else {
        problems.add(lineOf(element.node()), element.path(), "expected a single value, found " + shape(element.node()));
      }
    }
    return items;
  }

  List<String> texts(String field) {
    return values(field).stream().map(Element::text).toList();
  }

  private List<Element> elements(String field) {
    Node node = fields.get(field);
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      problems.add(lineOf(node), child(field), "expected a list, found " + shape(node));
      return List.of();
    }
    List<Element> elements = new ArrayList<>();
    int index = 0;
    for (Node item : sequence.getValue()) {
      String itemPath = child(field) + "[" + index++ + "]";
      problems.line(itemPath, lineOf(item));
      elements.add(new Element(item, itemPath));
    }
    return elements;
  }

  /** One element of a list with its path, such as {@code events[3]}. */
  record Element(Node node, String path) {
    String text() {
      return ((ScalarNode) node).getValue();
    }

    int line() {
      return lineOf(node);
    }
  }

  static int lineOf(Node node) {
    return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  private static String shape(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "a single value";
  }
}
