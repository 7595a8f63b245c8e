package org.casebook.communications;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated step of a communication's lifecycle: the status it moved to, the day that happened
 * (which may be earlier than the day it was recorded), a note, and who recorded it when.
 */
public record Transition(
    CommunicationStatus status, LocalDate date, String note, Instant recordedAt, String recordedBy) {}
