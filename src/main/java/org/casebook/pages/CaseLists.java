package org.casebook.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** What the lists of case files on the dashboard and the case list show. */
public final class CaseLists {
  private CaseLists() {}

  /** A case file in a list, with its coded values in words. */
  public record CaseRow(UUID id, String title, String countries, String risk, String riskLabel, String statusLabel) {}

  /**
   * A deadline on the dashboard, in words: the day, what falls due, on which record.
   *
   * @param link the case file to open for it, or null
   * @param overdue whether the day has passed
   */
  public record DueItem(String date, String kind, String title, String reference, String link, boolean overdue) {}

  /** The filters of the case list as chosen, empty where not. */
  public record CaseFilter(String country, String status, String risk, String team) {}

  /** Links to other pages of the case list with the same filters. */
  public record PageLinks(String country, String status, String risk, String team) {
    public String to(long pageNumber) {
      StringBuilder link = new StringBuilder("/cases?page=").append(pageNumber);
      append(link, "country", country);
      append(link, "status", status);
      append(link, "risk", risk);
      append(link, "team", team);
      return link.toString();
    }

    private static void append(StringBuilder link, String name, String value) {
      if (value != null) {
        link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
  }
}
