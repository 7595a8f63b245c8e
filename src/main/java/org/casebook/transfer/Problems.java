package org.casebook.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casebook.common.FieldError;

/**
 * The errors found in one import document, each with the file, line and field, and the line of
 * every field read so far, so that errors found later by the services (which know only the field
 * path) can be given their line too.
 */
final class Problems {
  private final String file;
  private final List<FieldError> errors = new ArrayList<>();
  private final Map<String, Integer> lines = new HashMap<>();

  Problems(String file) {
    this.file = file;
  }

  void line(String path, int line) {
    lines.putIfAbsent(path, line);
  }

  void add(int line, String field, String message) {
    errors.add(new FieldError(file, line, field, message));
  }

  /** Adds an error found by a service, looking up the line of its field or of its nearest parent. */
  void addFound(FieldError error) {
    if (errors.stream().anyMatch(known -> known.field().equals(error.field()))) {
      return;
    }
    errors.add(new FieldError(file, lineOf(error.field()), error.field(), error.message()));
  }

  int lineOf(String field) {
    String path = field;
    while (!path.isEmpty()) {
      Integer line = lines.get(path);
      if (line != null) {
        return line;
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut <= 0 ? "" : path.substring(0, cut);
    }
    return 0;
  }

  boolean any() {
    return !errors.isEmpty();
  }

  List<FieldError> errors() {
    return errors.stream()
        .sorted(java.util.Comparator.comparingInt(FieldError::line))
        .toList();
  }
}
