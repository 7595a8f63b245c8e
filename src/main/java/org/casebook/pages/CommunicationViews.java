package org.casebook.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the communication pages show, in words: a communication in a list, one communication with
 * its replies and links, its claims matrix, and the public register's figures. Every coded value
 * (type, status, stance, translation status) is already put in the page's language.
 */
public final class CommunicationViews {
  private CommunicationViews() {}

  /** A link with the words it shows; {@code href} null shows the words alone. */
  public record Link(String href, String label) {}

  /** A communication in a list. */
  public record Row(String href, String reference, String type, String status, String subject, String states, String sentOn) {}

  /** One dated step of the lifecycle. */
  public record Step(String date, String status, String note) {}

  /** A deadline of the communication: what falls due on which day. */
  public record Due(String kind, String date, boolean overdue) {}

  /**
   * A reply as a communication's page shows it.
   *
   * @param anchor the id of its place on the page, or null
   * @param editHref its form, for writers; null for others
   * @param letterHref its letter as a page; the PDF is the same address with {@code .pdf}
   */
  public record ReplyView(
      String received, String sender, String senderReference, String language, String translation, String summary,
      List<Link> documents, String notes, String anchor, String editHref, String letterHref) {

    /** A reply shown without a place to link to nor a way to change it, as in the public register. */
    public ReplyView(
        String received, String sender, String senderReference, String language, String translation, String summary,
        List<Link> documents, String notes, String letterHref) {
      this(received, sender, senderReference, language, translation, summary, documents, notes, null, null, letterHref);
    }
  }

  /**
   * A lifecycle button: the action's path segment, its words, and the service's message when the
   * action was refused.
   */
  public record Action(String path, String label, String message) {}

  /** A communication as its page shows it. */
  public record Detail(
      String id,
      String reference,
      String type,
      boolean joint,
      String status,
      List<Step> history,
      String sentOn,
      String publicOn,
      List<Due> deadlines,
      List<String> addressees,
      List<String> mandates,
      List<Link> cases,
      String subject,
      String summary,
      String concerns,
      List<String> questions,
      List<String> standards,
      String text,
      List<ReplyView> replies,
      List<Link> links,
      String notes,
      int version) {}

  /** One cell of the matrix: the stance in words (null where not assessed) and the reply's words. */
  public record Cell(String stanceCode, String stance, String quote) {}

  /**
   * One allegation of the matrix with its cells, one per reply.
   *
   * @param anchor the id of its row on the page ({@code claim-…}), or null
   * @param editHref the address of its edit form, for a reader who may change it; else null
   */
  public record MatrixRow(int order, String text, String date, String quote, List<Cell> cells, String anchor, String editHref) {

    /** An allegation shown without a place to link to nor a way to change it, as in the public register. */
    public MatrixRow(int order, String text, String date, String quote, List<Cell> cells) {
      this(order, text, date, quote, cells, null, null);
    }
  }

  /**
   * The claims matrix as its page shows it.
   *
   * @param addHref the address of the form that adds an allegation, for a reader who may; else null
   */
  public record Matrix(String id, String reference, String subject, List<String> replies, List<MatrixRow> rows, String tally, String addHref) {

    /** The matrix shown without a way to add to it, as in the public register. */
    public Matrix(String id, String reference, String subject, List<String> replies, List<MatrixRow> rows, String tally) {
      this(id, reference, subject, replies, rows, tally, null);
    }
  }

  /** A State's figures in the public register. */
  public record Figures(String state, int letters, String shareReplied, String medianDays) {}

  /** The filters of a list as chosen, empty where not. */
  public record Filter(String state, String mandate, String type, String status, String year, String replied, String text) {}

  /** Links to other pages of a list with the same filters. */
  public record PageLinks(String path, Filter filter) {
    public String to(long pageNumber) {
      StringBuilder link = new StringBuilder(path).append("?page=").append(pageNumber);
      append(link, "state", filter.state());
      append(link, "mandate", filter.mandate());
      append(link, "type", filter.type());
      append(link, "status", filter.status());
      append(link, "year", filter.year());
      append(link, "replied", filter.replied());
      append(link, "text", filter.text());
      return link.toString();
    }

    private static void append(StringBuilder link, String name, String value) {
      if (value != null && !value.isEmpty()) {
        link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
  }
}
