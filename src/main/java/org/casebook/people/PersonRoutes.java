package org.casebook.people;

import io.javalin.http.Context;
import java.util.UUID;
import org.casebook.common.Actor;
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
    public Page<Person> list(Context context, PageRequest page) {
      return persons.list(
          context.queryParam("q"),
          Requests.optionalUuid(context, "case"),
          Requests.flag(context, "include_voided"),
          page);
    }

    @Override
    public Person get(UUID id) {
      return persons.get(id);
    }

    @Override
    public Person create(Person person, Actor actor) {
      return persons.create(person, actor);
    }

    @Override
    public Person update(UUID id, Person person, Actor actor) {
      return persons.update(id, person, actor);
    }

    @Override
    public Person voidRecord(UUID id, VoidRequest request, Actor actor) {
      return persons.voidPerson(id, request, actor);
    }

    @Override
    public UUID idOf(Person person) {
      return person.id();
    }
  }

  private final class RelationshipResource implements RecordResource<Relationship> {
    @Override
    public Page<Relationship> list(Context context, PageRequest page) {
      return relationships.list(
          Requests.optionalUuid(context, "person"), Requests.flag(context, "include_voided"), page);
    }

    @Override
    public Relationship get(UUID id) {
      return relationships.get(id);
    }

    @Override
    public Relationship create(Relationship relationship, Actor actor) {
      return relationships.create(relationship, actor);
    }

    @Override
    public Relationship update(UUID id, Relationship relationship, Actor actor) {
      return relationships.update(id, relationship, actor);
    }

    @Override
    public Relationship voidRecord(UUID id, VoidRequest request, Actor actor) {
      return relationships.voidRelationship(id, request, actor);
    }

    @Override
    public UUID idOf(Relationship relationship) {
      return relationship.id();
    }
  }
}
