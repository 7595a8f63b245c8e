package org.casebook.people;

import io.javalin.http.Context;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.web.Feature;
import org.casebook.web.RecordResource;
import org.casebook.web.RecordRoutes;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/** The API of persons and relationships. */
public final class PersonRoutes implements Feature {
  private final PersonService persons;
  private final RelationshipService relationships;
  private final Requests requests;

  public PersonRoutes(PersonService persons, RelationshipService relationships, Requests requests) {
    this.persons = persons;
    this.relationships = relationships;
    this.requests = requests;
  }

  @Override
  public void register(Routes routes) {
    RecordRoutes.register(
        routes, requests, "persons", "person", Person.class, new PersonResource(), "q", "case");
    RecordRoutes.register(
        routes, requests, "relationships", "relationship", Relationship.class,
        new RelationshipResource(), "person");
  }

  private final class PersonResource implements RecordResource<Person> {
    @Override
    public Page<Person> list(Caller caller, Context context, PageRequest page) {
      return persons.list(
          caller,
          new PersonStore.Filter(
              context.queryParam("q"),
              Requests.optionalUuid(context, "case"),
              Requests.flag(context, "include_voided")),
          page);
    }

    @Override
    public Person get(Caller caller, UUID id) {
      return persons.get(caller, id);
    }

    @Override
    public Person create(Caller caller, Person person) {
      return persons.create(caller, person);
    }

    @Override
    public Person update(Caller caller, UUID id, Person person) {
      return persons.update(caller, id, person);
    }

    @Override
    public Person voidRecord(Caller caller, UUID id, VoidRequest request) {
      return persons.voidPerson(caller, id, request);
    }

    @Override
    public UUID idOf(Person person) {
      return person.id();
    }
  }

  private final class RelationshipResource implements RecordResource<Relationship> {
    @Override
    public Page<Relationship> list(Caller caller, Context context, PageRequest page) {
      return relationships.list(
          caller, Requests.optionalUuid(context, "person"), Requests.flag(context, "include_voided"), page);
    }

    @Override
    public Relationship get(Caller caller, UUID id) {
      return relationships.get(caller, id);
    }

    @Override
    public Relationship create(Caller caller, Relationship relationship) {
      return relationships.create(caller, relationship);
    }

    @Override
    public Relationship update(Caller caller, UUID id, Relationship relationship) {
      return relationships.update(caller, id, relationship);
    }

    @Override
    public Relationship voidRecord(Caller caller, UUID id, VoidRequest request) {
      return relationships.voidRelationship(caller, id, request);
    }

    @Override
    public UUID idOf(Relationship relationship) {
      return relationship.id();
    }
  }
}
