package org.casebook.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource of the generator read into named lists: {@code [name]} starts a list, {@code #} starts
 * a comment line, and each other line is one item (or, for word lists, several items separated by
 * spaces). Immutable once loaded; shared by every generating thread.
 */
final class Sections {
  private final String resource;
  private final Map<String, List<String>> lists;

  private Sections(String resource, Map<String, List<String>> lists) {
    this.resource = resource;
    this.lists = lists;
  }

  /** Reads a resource beside this class; {@code words} splits lines at spaces into items. */
  static Sections load(String resource, boolean words) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    try (InputStream in = Sections.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the generator's resource " + resource + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> current = null;
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
          current = lists.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1), name -> new ArrayList<>());
        } else if (current == null) {
          throw new IllegalStateException(resource + ": text before the first [section]: " + trimmed);
        } else if (words) {
          for (String word : trimmed.split("\\s+")) {
            current.add(word);
          }
        } else {
          current.add(trimmed);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the generator's resource " + resource, e);
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    lists.forEach((name, items) -> frozen.put(name, List.copyOf(items)));
    return new Sections(resource, Map.copyOf(frozen));
  }

  /** The items of list {@code name}. */
  List<String> list(String name) {
    List<String> items = lists.get(name);
    if (items == null || items.isEmpty()) {
      throw new IllegalStateException(resource + " has no list [" + name + "]");
    }
    return items;
  }

  /** One item of list {@code name}, chosen by {@code random}. */
  String pick(String name, Dice random) {
    List<String> items = list(name);
    return items.get(random.nextInt(items.size()));
  }
}
