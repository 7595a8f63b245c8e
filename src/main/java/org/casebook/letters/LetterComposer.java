package org.casebook.letters;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.casebook.communications.Communication;
import org.casebook.communications.Mandate;
import org.casebook.communications.Reply;
import org.casebook.communications.TranslationStatus;

/**
 * Puts a communication or a reply into the words of a letter in the usual layout of UN special
 * procedures communications: the signing mandates at the head, the reference and the date, the
 * address, the opening formula, the information received, the concerns, the international standards
 * referred to, the numbered questions, the closing formula and the signatures. Every word comes from the interface messages (keys
 * {@code letter.*}) in the reader's language.
 *
 * <p>It writes what it is given: the caller hands it the communication as the reader may see it
 * (the public one from the register, with what is not public left out). The team's notes are
 * never part of a letter.
 *
 * <p>Immutable and thread-safe.
 */
public final class LetterComposer {
  /** The interface text of a key with its arguments, in the reader's language. */
  @FunctionalInterface
  public interface Wording {
    String t(String key, Object... arguments);
  }

  private static final Pattern LEADING_ARTICLE = Pattern.compile("(The|A|An)\\s");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R[ \\t]*\\R\\s*");

  private final Wording wording;
  private final Locale locale;
  private final int confidentialDays;

  /**
   * @param confidentialDays the days a sent letter stays confidential, for the sentence about its
   *     publication when the letter has no public date yet
   */
  public LetterComposer(Wording wording, Locale locale, int confidentialDays) {
    this.wording = wording;
    this.locale = locale;
    this.confidentialDays = confidentialDays;
  }

  /**
   * The letter of {@code communication}: signed by its mandates (named from {@code catalogue}),
   * with a draft mark on every page while it has no reference.
   */
  public LetterView communication(Communication communication, Map<String, Mandate> catalogue, String styleSheet) {
    List<String> mandates =
        communication.mandates().stream()
            .map(code -> catalogue.containsKey(code) ? catalogue.get(code).name(locale) : code)
            .map(XmlText::clean)
            .toList();
    boolean toStates = !communication.states().isEmpty();
    boolean draft = communication.reference() == null;
    String reference = XmlText.clean(communication.reference());
    String running = draft ? t("letter.draftTitle") : reference;

    List<String> headings = new ArrayList<>();
    if (!mandates.isEmpty()) {
      headings.add(t(mandates.size() == 1 ? "letter.mandate" : "letter.mandates", String.join(t("letter.mandates.separator"), mandates)));
    }
    List<String> addressees = new ArrayList<>();
    for (String state : communication.states()) {
      addressees.add(t("letter.addressee.state", CountryNames.name(state, locale)));
    }
    communication.otherAddressees().stream().map(XmlText::clean).forEach(addressees::add);

    List<LetterView.Section> sections = new ArrayList<>();
    List<String> opening = new ArrayList<>();
    if (!mandates.isEmpty()) {
      opening.add(t(mandates.size() == 1 ? "letter.opening.one" : "letter.opening", String.join("; ", mandates)));
    }
    if (!blank(communication.subject())) {
      opening.add(t(toStates ? "letter.concerning.state" : "letter.concerning.other", inSentence(communication.subject())));
    }
    sections.add(new LetterView.Section("opening", null, opening, false));
    // Without its full text (a letter known only from its public short version), the summary
    // stands for the information received.
    String information = blank(communication.text()) ? communication.summary() : communication.text();
    if (!blank(information)) {
      sections.add(new LetterView.Section("text", t("letter.text"), paragraphs(information), false));
    }
    if (!blank(communication.concerns())) {
      sections.add(new LetterView.Section("concerns", t("letter.concerns"), paragraphs(communication.concerns()), false));
    }
    List<String> standards = communication.standards().stream().filter(standard -> !blank(standard)).map(XmlText::clean).toList();
    if (!standards.isEmpty()) {
      sections.add(new LetterView.Section("standards", t("letter.standards"), standards, false));
    }
    List<String> questions = communication.questions().stream().filter(question -> !blank(question)).map(XmlText::clean).toList();
    if (!questions.isEmpty()) {
      sections.add(new LetterView.Section("questions", t("letter.questions"), questions, true));
    }
    sections.add(
        new LetterView.Section(
            "publication", null,
            List.of(t(toStates ? "letter.publication.state" : "letter.publication.other", publicationDays(communication))), false));

    return new LetterView(
        locale.getLanguage(),
        draft ? t("letter.draftTitle") : reference,
        styleSheet,
        running,
        draft ? t("letter.draft") : null,
        t("letter.page"),
        t("letter.of"),
        headings,
        draft ? t("letter.reference.draft") : t("letter.reference", reference),
        communication.sentOn() == null ? t("letter.notSent") : day(communication.sentOn()),
        addressees,
        List.of(),
        t(toStates ? "letter.salutation.state" : "letter.salutation.other"),
        sections,
        t(toStates ? "letter.closing.state" : "letter.closing.other"),
        mandates);
  }

  /**
   * The document of a reply to {@code communication}: who sent it under what reference, when it
   * came, its language and translation, its summary and the titles of its documents.
   */
  public LetterView reply(Reply reply, Communication communication, List<String> documentTitles, String styleSheet) {
    String reference = communication.reference() == null ? t("letter.draftTitle") : XmlText.clean(communication.reference());
    String sender = blank(reply.sender()) ? CountryNames.names(communication.states(), locale) : XmlText.clean(reply.sender());
    List<LetterView.Fact> facts = new ArrayList<>();
    if (!blank(sender)) {
      facts.add(new LetterView.Fact(t("letter.reply.sender"), sender));
    }
    if (!blank(reply.senderReference())) {
      facts.add(new LetterView.Fact(t("letter.reply.senderReference"), XmlText.clean(reply.senderReference())));
    }
    if (!blank(reply.language())) {
      facts.add(new LetterView.Fact(t("letter.reply.language"), XmlText.clean(reply.language())));
    }
    TranslationStatus translation = reply.translationStatus();
    if (translation != null) {
      facts.add(new LetterView.Fact(t("letter.reply.translation"), t("communicationPage.translation." + translation.code())));
    }
    List<LetterView.Section> sections = new ArrayList<>();
    if (!blank(reply.summary())) {
      sections.add(new LetterView.Section("summary", t("letter.reply.summary"), paragraphs(reply.summary()), false));
    }
    List<String> documents = documentTitles.stream().filter(title -> !blank(title)).map(XmlText::clean).toList();
    if (!documents.isEmpty()) {
      sections.add(new LetterView.Section("documents", t("letter.reply.documents"), documents, true));
    }
    String running =
        blank(reply.senderReference())
            ? t("letter.reply.running", reference)
            : t("letter.reply.runningWithReference", reference, XmlText.clean(reply.senderReference()));
    return new LetterView(
        locale.getLanguage(),
        t("letter.reply.title", reference),
        styleSheet,
        running,
        null,
        t("letter.page"),
        t("letter.of"),
        List.of(t("letter.reply.heading", reference)),
        t("letter.reference", reference),
        reply.received() == null ? "" : t("letter.reply.received", day(reply.received())),
        List.of(),
        facts,
        null,
        sections,
        null,
        List.of());
  }

  /** The days until publication the letter states: as sent and public, or as the settings say. */
  private int publicationDays(Communication communication) {
    if (communication.sentOn() != null && communication.publicOn() != null) {
      return (int) ChronoUnit.DAYS.between(communication.sentOn(), communication.publicOn());
    }
    return confidentialDays;
  }

  private String day(LocalDate date) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
  }

  /**
   * A subject as it reads inside a sentence: "The criminal charges ..." becomes "the criminal
   * charges ..."; a subject that starts with a name or any other word is left as written.
   */
  static String inSentence(String subject) {
    String trimmed = XmlText.clean(subject.trim());
    return LEADING_ARTICLE.matcher(trimmed).lookingAt()
        ? Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1)
        : trimmed;
  }

  /** The paragraphs of a text: its parts between blank lines. */
  static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : PARAGRAPH_BREAK.split(text.strip())) {
      if (!paragraph.isBlank()) {
        paragraphs.add(XmlText.clean(paragraph.strip()));
      }
    }
    return paragraphs;
  }

  private String t(String key, Object... arguments) {
    return XmlText.clean(wording.t(key, arguments));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
