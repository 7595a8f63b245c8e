package org.casebook.transfer;

import org.casebook.cases.CaseService;
import org.casebook.communications.ClaimService;
import org.casebook.communications.CommunicationService;
import org.casebook.communications.ReplyService;
import org.casebook.events.EventService;
import org.casebook.organizations.OrganizationService;
import org.casebook.people.PersonService;
import org.casebook.people.RelationshipService;
import org.casebook.proceedings.ProceedingService;
import org.casebook.sources.SourceService;

/** The record services that import and export work through. */
public record RecordServices(
    CaseService cases,
    PersonService persons,
    OrganizationService organizations,
    RelationshipService relationships,
    SourceService sources,
    EventService events,
    ProceedingService proceedings,
    CommunicationService communications,
    ReplyService replies,
    ClaimService claims) {}
