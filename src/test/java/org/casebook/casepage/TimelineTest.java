package org.casebook.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.casebook.chronology.ChronologyItem;
import org.casebook.common.Confidentiality;
import org.casebook.dates.PartialDate;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static ChronologyItem item(String edtf, String title) {
    PartialDate date = PartialDate.parse(edtf);
    return new ChronologyItem(
        ChronologyItem.EVENT,
        UUID.randomUUID(),
        date,
        date.format(Locale.ENGLISH),
        "speech",
        "Speech",
        title,
        null,
        List.of(),
        Confidentiality.PUBLIC);
  }

  private static final List<ChronologyItem> ITEMS =
      List.of(
          item("../2016", "Before 2016"),
          item("2016-07", "July 2016"),
          item("2016-07-03", "3 July 2016"),
          item("2016-12/2017-03", "Winter"),
          item("2017-02-03", "Opened"),
          item("/2019", "Unknown start"),
          item("2019~", "About 2019"));

  @Test
  void groupsByTheYearOfTheEarliestDayKeepingOrder() {
    Timeline timeline = Timeline.of(ITEMS, Locale.ENGLISH);

    assertThat(timeline.groups())
        .extracting(Timeline.YearGroup::heading)
        .containsExactly("2016", "2017", "2019", "Date unknown");
    assertThat(timeline.groups())
        .extracting(Timeline.YearGroup::year)
        .containsExactly(2016, 2017, 2019, null);
    Timeline.YearGroup year2016 = timeline.groups().get(0);
    assertThat(year2016.dated()).isTrue();
    assertThat(year2016.entries())
        .extracting(entry -> entry.item().title())
        .containsExactly("July 2016", "3 July 2016", "Winter");
    assertThat(year2016.entries())
        .extracting(Timeline.Entry::date)
        .containsExactly("July 2016", "3 July 2016", "December 2016 to March 2017");
    Timeline.YearGroup undated = timeline.groups().get(3);
    assertThat(undated.dated()).isFalse();
    assertThat(undated.entries())
        .extracting(Timeline.Entry::date)
        .containsExactly("before 2016", "from an unknown date to 2019");
  }

  @Test
  void formatsDatesAndTheUndatedHeadingForRussian() {
    Timeline timeline = Timeline.of(ITEMS, Locale.forLanguageTag("ru"));

    assertThat(timeline.groups().get(0).entries().get(1).date()).isEqualTo("3 июля 2016");
    assertThat(timeline.groups().get(2).entries().get(0).date()).isEqualTo("около 2019");
    assertThat(timeline.groups().get(3).heading()).isEqualTo("Дата неизвестна");
  }

  @Test
  void isEmptyForNoItems() {
    assertThat(Timeline.of(List.of(), Locale.ENGLISH).groups()).isEmpty();
  }
}
