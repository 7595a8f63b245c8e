package org.casebook.communications;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebook.common.InvalidInput;

/** Reading the codes of this package's fixed value sets, with an error that lists them. */
final class Codes {
  private Codes() {}

  /**
   * The value of {@code values} whose code is {@code code}.
   *
   * @throws InvalidInput naming {@code field} and the codes expected when there is none
   */
  static <E extends Enum<E>> E parse(E[] values, Function<E, String> codeOf, String code, String what, String field) {
    for (E value : values) {
      if (codeOf.apply(value).equals(code)) {
        return value;
      }
    }
    throw new InvalidInput(
        field,
        "\"" + code + "\" is not " + what + "; expected one of "
            + Arrays.stream(values).map(codeOf).collect(Collectors.joining(", ")));
  }
}
