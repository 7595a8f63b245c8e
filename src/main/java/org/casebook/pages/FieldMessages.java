package org.casebook.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.common.FieldError;

/**
 * Puts the services' field messages into the reader's language. The services write each message
 * in English, the language of the API and of import reports; the pages recognise the shapes the
 * services use (see {@code common/Checks}) and say the same in the language of the page, with the
 * values the message names. A message of an unknown shape stays in English rather than vanish.
 */
final class FieldMessages {
  private record Shape(Pattern pattern, String key) {}

  private static final List<Shape> SHAPES =
      List.of(
          shape("is required", "fieldMessage.required"),
          shape("is required; expected a citation such as (.+)", "fieldMessage.requiredCitation"),
          shape("is empty", "fieldMessage.empty"),
          shape("is (\\d+) characters long; at most (\\d+) are allowed", "fieldMessage.tooLong"),
          shape("\"(.*)\" is not a country code; expected .*", "fieldMessage.country"),
          shape("\"(.*)\" is not a language tag; expected .*", "fieldMessage.language"),
          shape("\"(.*)\" is not a currency code; expected .*", "fieldMessage.currency"),
          shape("\"(.*)\" is not in the vocabulary (\\S+); expected one of: (.*)", "fieldMessage.vocabulary"),
          shape("no (case file|person|organization|source|event|proceeding|relationship|person or organization|communication|reply|claim) with id (\\S+)", "fieldMessage.noRecord"),
          shape("repeats the (.+) of (\\S+): (.*)", "fieldMessage.repeats"),
          shape("is the same person as person; a relationship needs two people", "fieldMessage.samePerson"),
          shape("ends \\((\\S+)\\) before it starts \\((\\S+)\\)", "fieldMessage.endsBeforeStart"),
          shape("is (\\S+), after today \\((\\S+)\\); .*", "fieldMessage.afterToday"),
          shape("is a draft; a reply is recorded to a communication that was sent", "fieldMessage.replyToDraft"),
          shape("is (\\S+), before the communication was sent \\((\\S+)\\)", "fieldMessage.beforeSent"),
          shape("is this event itself; an event cannot link to itself", "fieldMessage.selfLink"),
          shape("is (\\S+); a fine is more than 0", "fieldMessage.fine"),
          shape("article (\\S+) of (\\S+) is not in the catalogue; known articles: (.*)", "fieldMessage.unknownArticle"),
          shape("\"(.*)\" is not a legal code; known codes: (.*)", "fieldMessage.unknownCode"),
          shape("is the redaction mark .*", "fieldMessage.redactionMark"),
          shape("is not a person of this case file", "fieldMessage.notOfThisCase"),
          shape("is your own account; another administrator must disable it", "fieldMessage.ownAccount"),
          shape("is the last administrator who can sign in; .*", "fieldMessage.lastAdministrator"),
          shape("\"(.*)\" is not a State; expected .*", "commform.message.state"),
          shape("\"(.*)\" is not a mandate of the catalogue .*", "commform.message.mandate"),
          shape("no communication with id (\\S+)", "commform.message.noCommunication"),
          shape("\"(.*)\" is not a communication", "commform.message.notCommunication"),
          shape("\"(.*)\" is not a communication type; expected one of (.*)", "commform.message.type"));

  private FieldMessages() {}

  private static Shape shape(String regex, String key) {
    return new Shape(Pattern.compile(regex, Pattern.DOTALL), key);
  }

  /** {@code errors} with each message said in the language of {@code page}. */
  static List<FieldError> translated(List<FieldError> errors, PageContext page) {
    List<FieldError> translated = new ArrayList<>(errors.size());
    for (FieldError error : errors) {
      translated.add(new FieldError(error.file(), error.line(), error.field(), translate(error.message(), page)));
    }
    return translated;
  }

  /** One message in the language of {@code page}. */
  static String translate(String message, PageContext page) {
    if (message == null) {
      return null;
    }
    for (Shape shape : SHAPES) {
      Matcher matcher = shape.pattern().matcher(message);
      if (matcher.matches()) {
        Object[] values = new Object[matcher.groupCount()];
        for (int group = 1; group <= matcher.groupCount(); group++) {
          values[group - 1] = recordKind(matcher.group(group), page);
        }
        return page.t(shape.key(), values);
      }
    }
    return message;
  }

  /** A record kind named in a message, in the page's words; any other value unchanged. */
  private static String recordKind(String value, PageContext page) {
    return switch (value) {
      case "case file", "person", "organization", "source", "event", "proceeding", "relationship", "person or organization",
          "communication", "reply", "claim" ->
          page.t("fieldMessage.kind." + value.replace(' ', '-'));
      default -> value;
    };
  }
}
