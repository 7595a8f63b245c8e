package org.casebook.pages;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casebook.accounts.Principal;
import org.casebook.accounts.SessionAuthenticator;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Recorded;
import org.casebook.web.Callers;

/**
 * Renders a page for a request: works out its {@link PageContext} and writes the template as HTML
 * that no cache keeps (pages may hold confidential records).
 *
 * <p>Thread-safe; shared by the page features.
 */
final class PageRenderer {
  private final Templates templates;
  private final Assets assets;
  private final boolean demo;

  PageRenderer(Templates templates, Assets assets, boolean demo) {
    this.templates = templates;
    this.assets = assets;
    this.demo = demo;
  }

  Assets assets() {
    return assets;
  }

  PageContext context(Context context) {
    Messages messages = Messages.of(Language.of(context));
    Optional<Principal> session = SessionAuthenticator.sessionPrincipal(context);
    String userName = null;
    var caller = Callers.of(context);
    if (session.isPresent()) {
      userName = session.get().displayName() == null ? session.get().name() : session.get().displayName();
    } else if (!caller.isAnonymous() && caller.userId() != null) {
      userName = caller.name();
    }
    return new PageContext(
        messages,
        assets,
        demo,
        context.path(),
        queryWithoutLanguage(context),
        userName,
        session.map(Principal::csrfToken).orElse(null),
        caller.isAnonymous() ? null : caller.role());
  }

  /** Writes {@code template} with {@code page} and the other parameters, with the current status. */
  void render(Context context, String template, PageContext page, Map<String, Object> parameters) {
    Map<String, Object> all = new HashMap<>(parameters);
    all.put("page", page);
    String html = templates.render(template, all);
    context.header("Cache-Control", "no-store");
    context.contentType("text/html; charset=utf-8");
    context.result(html);
  }

  /**
   * Whether the request comes from htmx to replace the element with id {@code target}: then the
   * page answers with that part alone. Without JavaScript the same address answers the whole page.
   */
  static boolean partOf(Context context, String target) {
    return "true".equals(context.header("HX-Request")) && target.equals(context.header("HX-Target"));
  }

  /** {@code record}, unless it was removed: a removed record is answered like one that does not exist. */
  static <T extends Recorded> T live(T record, String kind) {
    if (record.isVoided()) {
      throw new NoSuchRecord(kind, record.id());
    }
    return record;
  }

  static UUID pathId(Context context, String name) {
    String text = context.pathParam(name);
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new NoSuchRecord("page", text);
    }
  }

  private static String queryWithoutLanguage(Context context) {
    return context.queryParamMap().entrySet().stream()
        .filter(entry -> !entry.getKey().equals(Language.PARAMETER))
        .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
