package org.casebook.communications;

import java.time.Instant;

/**
 * A user's calendar link. {@code secret} and {@code path} are in the answer that creates the link
 * and nowhere else: only the secret's hash is stored.
 *
 * @param path the feed's address on this server, {@code /calendar/<secret>.ics}
 */
public record CalendarLink(Instant createdAt, String secret, String path) {}
