package org.casebook.communications;

import java.util.UUID;

/** One document of a reply: the source that holds it (with its file's hash), its role and language. */
public record ReplyDocument(UUID source, DocumentRole role, String language) {}
