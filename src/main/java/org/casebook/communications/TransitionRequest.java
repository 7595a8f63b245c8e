package org.casebook.communications;

import java.time.LocalDate;

/**
 * The body of a lifecycle operation (send, publish, follow-up, close): the version of the
 * communication it is based on, the day it happened (today when not given) and a note.
 */
public record TransitionRequest(Integer version, LocalDate date, String note) {}
