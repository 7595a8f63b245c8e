package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casebook.web.WebServer;

/**
 * Reading a record form posted with a file ({@code multipart/form-data}): the fields, and the file
 * held in memory, never written to a temporary folder. A form larger than the server accepts
 * ({@link WebServer#MAX_REQUEST_BYTES}) cannot be read at all, and is answered as unreadable.
 */
final class Uploads {
  static final long MEBIBYTE = 1024L * 1024L;

  private Uploads() {}

  /**
   * What a form posted: its fields (with the chosen file's name as the value of the file control)
   * and the file's name and bytes, both null when no file was chosen.
   */
  record Upload(Form form, String fileName, byte[] bytes) {}

  /** The largest form the server reads, in mebibytes, for messages. */
  static long maxMebibytes() {
    return WebServer.MAX_REQUEST_BYTES / MEBIBYTE;
  }

  /**
   * The posted fields and the file of the control {@code fileField}; null when the form cannot be
   * read, as when it is larger than the server accepts (the server then reads none of it).
   */
  static Upload read(Context context, String fileField) {
    try {
      Map<String, List<String>> values = new LinkedHashMap<>(Form.posted(context).values());
      String contentType = context.contentType();
      boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
      UploadedFile file = multipart ? context.uploadedFile(fileField) : null;
      String fileName = null;
      byte[] bytes = null;
      if (file != null && file.size() > 0) {
        try (InputStream content = file.content()) {
          bytes = content.readAllBytes();
        }
        fileName = baseName(file.filename());
      }
      values.put(fileField, List.of(fileName == null ? "" : fileName));
      return new Upload(Form.of(values), fileName, bytes);
    } catch (Exception unreadable) {
      return null;
    }
  }

  /** The file's name without the folder some browsers send with it; null when it has none. */
  static String baseName(String fileName) {
    if (fileName == null) {
      return null;
    }
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
    return name.isEmpty() ? null : name;
  }
}
