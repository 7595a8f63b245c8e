package org.casebook.sources;

import java.io.InputStream;
import org.casebook.common.Confidentiality;
import org.casebook.crypto.FieldProtection;
import java.util.Optional;
import java.util.Base64;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.access.Reads;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.storage.RecordRows;
import org.casebook.vocabulary.Vocabularies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sources: validation, their stored files, and each operation as one transaction. Thread-safe.
 *
 * <p>{@code sha256} names the source's stored file when it has one, and otherwise is the SHA-256 of
 * the UTF-8 bytes of its {@code text}. A client may leave it out and have it computed; one that
 * names neither a stored file nor the text is refused.
 */
public final class SourceService {
  /** The reliability of a source whose reliability nobody has assessed. */
  public static final String UNKNOWN_RELIABILITY = "unknown";

  static final int MAX_TEXT = 1_000_000;

  private final Jdbi jdbi;
  private final Vocabularies vocabularies;
  private final FileStore files;
  private final Clock clock;
  private final Reads<Source> reads;
  private final SourceStore store = new SourceStore();

  public SourceService(Jdbi jdbi, Vocabularies vocabularies, FileStore files, Clock clock) {
    this.jdbi = jdbi;
    this.vocabularies = vocabularies;
    this.files = files;
    this.clock = clock;
    this.reads = new Reads<>(jdbi, clock, SourceStore.TABLE, SourceStore.KIND, null);
  }

  /** A source the caller may see, voided or not. Needs {@link Permission#READ_RECORDS}. */
  public Source get(Caller caller, UUID id) {
    return reads.one(caller, id, this::get);
  }

  public Source get(Handle handle, UUID id) {
    return store.find(handle, id).orElseThrow(() -> new NoSuchRecord(SourceStore.KIND, id));
  }

  /** A page of the records the caller may see; see {@link SourceStore.Filter}. Needs {@link Permission#READ_RECORDS}. */
  public Page<Source> list(Caller caller, SourceStore.Filter filter, PageRequest page) {
    return reads.page(
        caller,
        page,
        (handle, visibility) -> store.list(handle, filter, visibility, page),
        (handle, visibility) -> store.count(handle, filter, visibility));
  }

  /** Creates a source; a missing reliability is {@value #UNKNOWN_RELIABILITY}. */
  public Source create(Caller caller, Source source) {
    caller.require(Permission.WRITE_RECORDS);
    return jdbi.inTransaction(handle -> get(handle, insert(handle, caller, source, null)));
  }

  /**
   * Checks a source and inserts it in the transaction of {@code handle}, for a caller that writes
   * more in the same transaction (a page that lists the new source in a case file with {@link
   * org.casebook.cases.CaseService#createLinked}). Returns the new source's id. Needs {@link
   * Permission#WRITE_RECORDS}.
   *
   * <p>With {@code fileBytes}, {@code sha256} is the file's hash and, when the source has no text
   * and the file is UTF-8 text, {@code text} is the file's; the file is stored (sealed for a
   * restricted source) once the record is written, as the last step, so that a refused source
   * leaves no file behind. Should the caller's transaction fail after this (the case file changed
   * by someone else at that very moment), the file stays in the store unused, which does no harm.
   *
   * @param fileBytes the source's file, or null
   * @throws InvalidInput naming every field in error, before anything is written
   */
  public UUID insert(Handle handle, Caller caller, Source source, byte[] fileBytes) {
    caller.require(Permission.WRITE_RECORDS);
    Source complete = checked(source, fileBytes, false);
    UUID id = UUID.randomUUID();
    store.insert(handle, id, null, complete, caller.actor(), clock.instant());
    if (fileBytes != null) {
      storeFile(handle, id, complete, fileBytes);
    }
    return id;
  }

  /** Updates a source; a missing reliability is {@value #UNKNOWN_RELIABILITY}. */
  public Source update(Caller caller, UUID id, Source source) {
    return update(caller, id, source, null);
  }

  /**
   * Updates a source, with a new file when {@code fileBytes} is given (stored as {@link #insert}
   * stores it, after the record is written); a missing reliability is {@value
   * #UNKNOWN_RELIABILITY}.
   */
  public Source update(Caller caller, UUID id, Source source, byte[] fileBytes) {
    caller.require(Permission.WRITE_RECORDS);
    Source complete = checked(source, fileBytes, true);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, SourceStore.TABLE, SourceStore.KIND, id);
          store.update(handle, id, complete, caller.actor(), clock.instant());
          if (fileBytes != null) {
            storeFile(handle, id, complete, fileBytes);
          }
          return get(handle, id);
        });
  }

  /**
   * A source with its defaults and its content settled, once every field rule holds.
   *
   * @throws InvalidInput naming every field in error
   */
  private Source checked(Source source, byte[] fileBytes, boolean versioned) {
    Source prepared = withDefaults(source);
    Checks checks = check(prepared, "");
    if (versioned) {
      checks.required("version", prepared.version());
    }
    Source complete = settleContent(checks, prepared, fileBytes);
    checks.throwIfAny();
    return complete;
  }

  /**
   * Whether the file a source names is in the store, sealed for it or in clear: whether {@link
   * #openFile} has something to give. A source with text only names the hash of its text, which
   * is no stored file.
   */
  public boolean hasFile(Source source) {
    return source.sha256() != null && files.holds(source.sha256(), source.id());
  }

  public Source voidSource(Caller caller, UUID id, VoidRequest request) {
    caller.require(Permission.WRITE_RECORDS);
    request.check();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, SourceStore.TABLE, SourceStore.KIND, id);
          RecordRows.voidRecord(
              handle,
              SourceStore.TABLE,
              SourceStore.KIND,
              id,
              request.version(),
              request.reason(),
              caller.actor(),
              clock.instant());
          return get(handle, id);
        });
  }

  /**
   * Inserts or updates a source inside an import's transaction; the import has run {@link #check}
   * already. An existing source is updated at its current version. Returns the internal key.
   *
   * <p>With {@code fileBytes}, the file is stored, {@code sha256} set to its hash and, when the
   * source has no text and the file is UTF-8 text of at most {@value #MAX_TEXT} characters, {@code
   * text} set to it. A stored file outlives a transaction that rolls back; being addressed by its
   * content, it does no harm and is reused if the import runs again.
   *
   * @param fileBytes the source's file, or null
   * @throws InvalidInput on field {@code sha256} if the source names a hash that is not the file's
   *     (nor, without a file, of a stored file or the text); nothing is stored then
   */
  public long save(
      Handle handle,
      UUID id,
      String importKey,
      Source source,
      byte[] fileBytes,
      Actor actor,
      boolean exists) {
    Checks checks = new Checks();
    Source complete = settleContent(checks, withDefaults(source), fileBytes);
    checks.throwIfAny();
    if (fileBytes != null) {
      storeFile(handle, id, complete, fileBytes);
    }
    if (!exists) {
      return store.insert(handle, id, importKey, complete, actor, clock.instant());
    }
    int version = RecordRows.currentVersion(handle, SourceStore.TABLE, SourceStore.KIND, id);
    return store.update(
        handle,
        id,
        complete.withHeader(id, version, complete.confidentiality(), null),
        actor,
        clock.instant());
  }

  /**
   * The stored file of a source, to be closed by the caller.
   *
   * @throws NoStoredFile if the source has no file in the store
   */
  public InputStream openFile(Source source) {
    if (source.sha256() == null) {
      throw new NoStoredFile(source.id());
    }
    Optional<byte[]> sealed = files.readSealed(source.sha256(), source.id());
    if (sealed.isPresent()) {
      String clear =
          jdbi.getConfig(FieldProtection.class)
              .openValue(SourceStore.TABLE, source.id(), "file", new String(sealed.get(), StandardCharsets.US_ASCII));
      return new java.io.ByteArrayInputStream(Base64.getDecoder().decode(clear));
    }
    return files.open(source.sha256()).orElseThrow(() -> new NoStoredFile(source.id()));
  }

  /**
   * Keeps a source's file: sealed with the store's key, under the source's own name, for a
   * restricted source; as it is, shared by content, otherwise.
   */
  private void storeFile(Handle handle, UUID id, Source source, byte[] fileBytes) {
    if (source.confidentiality() != Confidentiality.RESTRICTED) {
      files.put(fileBytes);
      return;
    }
    String sealed =
        FieldProtection.seal(handle, SourceStore.TABLE, id, "file", Base64.getEncoder().encodeToString(fileBytes));
    files.putSealed(FileStore.sha256(fileBytes), id, sealed.getBytes(StandardCharsets.US_ASCII));
  }

  /** The field errors of a source, with field paths below {@code prefix}. */
  public Checks check(Source source, String prefix) {
    if (source == null) {
      throw new InvalidInput(prefix.isEmpty() ? "body" : prefix, "is empty");
    }
    Checks checks = new Checks();
    checks.requiredText(prefix + "title", source.title(), 1000);
    checks.required(prefix + "kind", source.kind());
    vocabularies.check(checks, prefix + "kind", Vocabularies.SOURCE_KIND, source.kind());
    checks.optionalText(prefix + "publisher", source.publisher(), 500);
    checks.language(prefix + "language", source.language());
    checkUrl(checks, prefix + "url", source.url());
    checks.required(prefix + "reliability", source.reliability());
    vocabularies.check(
        checks, prefix + "reliability", Vocabularies.RELIABILITY, source.reliability());
    checks.optionalText(prefix + "file_name", source.fileName(), 500);
    if (source.sha256() != null && !FileStore.isSha256(source.sha256())) {
      checks.add(
          prefix + "sha256",
          "\""
              + source.sha256()
              + "\" is not a SHA-256; expected 64 lower-case hexadecimal digits");
    }
    checks.optionalText(prefix + "text", source.text(), MAX_TEXT);
    return checks;
  }

  private static Source withDefaults(Source source) {
    if (source == null || source.reliability() != null) {
      return source;
    }
    return new Source(
        source.id(),
        source.version(),
        source.confidentiality(),
        source.audit(),
        source.title(),
        source.kind(),
        source.publisher(),
        source.date(),
        source.language(),
        source.url(),
        UNKNOWN_RELIABILITY,
        source.fileName(),
        source.sha256(),
        source.text());
  }

  /**
   * Settles {@code sha256} and {@code text}: from the file when there is one, else from the text. A
   * hash the source names must be the file's; without a file, that of a stored file or of the text.
   * A malformed hash has been reported by {@link #check} and is not compared.
   */
  private Source settleContent(Checks checks, Source source, byte[] fileBytes) {
    String named = FileStore.isSha256(source.sha256()) ? source.sha256() : null;
    String text = source.text();
    String sha256;
    if (fileBytes != null) {
      sha256 = FileStore.sha256(fileBytes);
      if (named != null && !named.equals(sha256)) {
        checks.add("sha256", "is " + named + " but the file's SHA-256 is " + sha256);
      }
      if (text == null) {
        text = textOf(fileBytes);
      }
    } else if (source.sha256() == null) {
      sha256 = text == null ? null : FileStore.sha256(text.getBytes(StandardCharsets.UTF_8));
    } else {
      sha256 = source.sha256();
      if (named != null && !files.contains(named)) {
        if (text == null) {
          checks.add("sha256", "is " + named + " but no file with that SHA-256 is stored");
        } else {
          String textHash = FileStore.sha256(text.getBytes(StandardCharsets.UTF_8));
          if (!named.equals(textHash)) {
            checks.add(
                "sha256",
                "is "
                    + named
                    + " but names no stored file, and the SHA-256 of the text is "
                    + textHash);
          }
        }
      }
    }
    return source.withContent(sha256, text);
  }

  /**
   * The file as text when it is valid UTF-8 without NUL characters (which PostgreSQL cannot store)
   * and of at most {@value #MAX_TEXT} characters; otherwise null, as for a PDF or an image.
   */
  private static String textOf(byte[] fileBytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(fileBytes))
              .toString();
      return text.length() > MAX_TEXT || text.indexOf('\0') >= 0 ? null : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Accepts only absolute http and https URLs, so that a link can never run script. */
  private static void checkUrl(Checks checks, String field, String url) {
    if (url == null) {
      return;
    }
    checks.optionalText(field, url, 2000);
    String problem = "\"" + url + "\" is not an absolute http or https URL";
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("http") || scheme.equals("https");
      if (!web || uri.getRawAuthority() == null || uri.getRawAuthority().isBlank()) {
        checks.add(field, problem);
      }
    } catch (URISyntaxException e) {
      checks.add(field, problem + ": " + e.getReason() + " at index " + e.getIndex());
    }
  }
}
