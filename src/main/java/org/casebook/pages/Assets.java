package org.casebook.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.casebook.common.NoSuchRecord;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The static files of the pages: the style sheet, a few lines of script of our own, and htmx
 * (served from its webjar on the class path). Each is served under a name that holds a hash of its content, such as {@code
 * /assets/casebook-3f2a9c01d4.css}, so that browsers may keep it for a year and a changed file is
 * fetched under its new name.
 *
 * <p>Loaded once at start; immutable and thread-safe.
 */
public final class Assets implements Feature {
  /** How long browsers and proxies may keep an asset: a year, since a new content has a new name. */
  static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

  private static final String HTMX_POM = "/META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

  private record Asset(String path, String contentType, byte[] content) {}

  private final Asset styleSheet;
  private final Asset script;
  private final Asset htmx;
  private final Asset letterStyleSheet;
  private final Map<String, Asset> byPath;

  private Assets(Asset styleSheet, Asset script, Asset htmx, Asset letterStyleSheet) {
    this.styleSheet = styleSheet;
    this.script = script;
    this.htmx = htmx;
    this.letterStyleSheet = letterStyleSheet;
    this.byPath =
        Map.of(
            styleSheet.path(), styleSheet, script.path(), script, htmx.path(), htmx, letterStyleSheet.path(), letterStyleSheet);
  }

  /** Reads the assets from the class path; fails at start if one is missing. */
  public static Assets load() {
    String htmxVersion = htmxVersion();
    return new Assets(
        asset("/assets/casebook.css", "casebook", ".css", "text/css; charset=utf-8"),
        asset("/assets/casebook.js", "casebook", ".js", "text/javascript; charset=utf-8"),
        asset(
            "/META-INF/resources/webjars/htmx.org/" + htmxVersion + "/dist/htmx.min.js",
            "htmx",
            ".min.js",
            "text/javascript; charset=utf-8"),
        asset("/assets/letter.css", "letter", ".css", "text/css; charset=utf-8"));
  }

  /** The URL of the style sheet. */
  public String styleSheet() {
    return styleSheet.path();
  }

  /** The URL of the style sheet of letters (the same one the PDF renderer reads). */
  public String letterStyleSheet() {
    return letterStyleSheet.path();
  }

  /** The URL of the pages' own script. */
  public String script() {
    return script.path();
  }

  /** The URL of htmx. */
  public String htmx() {
    return htmx.path();
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/assets/{name}",
        ApiDoc.of("pages", "A static file of the pages (style sheet, htmx) under its content-hashed name"),
        context -> {
          Asset asset = byPath.get(context.path());
          if (asset == null) {
            throw new NoSuchRecord("asset", context.pathParam("name"));
          }
          context.header("Cache-Control", CACHE_CONTROL);
          context.contentType(asset.contentType());
          context.result(asset.content());
        });
  }

  private static Asset asset(String resource, String baseName, String extension, String contentType) {
    byte[] content = read(resource);
    String hash = HexFormat.of().formatHex(sha256(content)).substring(0, 12);
    return new Asset("/assets/" + baseName + "-" + hash + extension, contentType, content);
  }

  private static String htmxVersion() {
    Properties properties = new Properties();
    try (InputStream in = Assets.class.getResourceAsStream(HTMX_POM)) {
      if (in == null) {
        throw new IllegalStateException("the htmx webjar is missing from the class path");
      }
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the asset " + resource + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the asset " + resource, e);
    }
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
