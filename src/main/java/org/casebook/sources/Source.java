package org.casebook.sources;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.Recorded;
import org.casebook.dates.PartialDate;

/**
 * A document or post that records rest on: a UN communication, a government reply, a court
 * decision, an article. {@code sha256} identifies the stored file (or, with no file, the UTF-8 of
 * {@code text}); {@code reliability} is a code of the six-level {@code reliability} vocabulary.
 */
public record Source(
    UUID id,
    Integer version,
    Confidentiality confidentiality,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Audit audit,
    String title,
    String kind,
    String publisher,
    PartialDate date,
    String language,
    String url,
    String reliability,
    String fileName,
    String sha256,
    String text) implements Recorded {

  public Source withHeader(UUID id, Integer version, Confidentiality confidentiality, Audit audit) {
    return new Source(
        id, version, confidentiality, audit, title, kind, publisher, date, language, url,
        reliability, fileName, sha256, text);
  }

  /** This source with another content hash and text. */
  public Source withContent(String sha256, String text) {
    return new Source(
        id, version, confidentiality, audit, title, kind, publisher, date, language, url,
        reliability, fileName, sha256, text);
  }
}
