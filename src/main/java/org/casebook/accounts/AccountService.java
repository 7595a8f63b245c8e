package org.casebook.accounts;

import org.casebook.access.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casebook.accounts.UserStore.StoredUser;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.jdbi.v3.core.Handle;
import org.casebook.crypto.FieldProtection;
import org.jdbi.v3.core.Jdbi;

/**
 * Accounts and how their owners prove who they are: passwords, a second factor (TOTP and recovery
 * codes), sessions and API tokens, with sign-in throttling.
 *
 * <p>Permissions: this service authenticates; it does not authorize. Methods that manage other
 * people's accounts ({@link #createUser}, {@link #setPassword}, {@link #disable}, {@link #enable},
 * {@link #resetTotp}, {@link #users}) need an administrator, or the operator at the console; the
 * caller checks with {@link Principal#require}. Methods on one's own account ({@link
 * #changePassword}, {@link #enrollTotp}, {@link #confirmTotp}, {@link #createApiToken}, {@link
 * #apiTokens}, {@link #revokeApiToken}) take the user's id, which the caller must take from the
 * {@link Principal}, never from the request.
 *
 * <p>Secrets: session tokens, API tokens and recovery codes exist in clear only in the value
 * returned when they are made; the database keeps their SHA-256. Passwords are kept as Argon2id
 * ({@link Passwords}). Failures of sign-in say the same thing whatever was wrong, and take about
 * the same time whether the name exists or not.
 *
 * <p>Sessions end after {@link AccountPolicy#idleTimeout()} without use (checked to within {@link
 * AccountPolicy#LAST_SEEN_RESOLUTION}, since the last use is written at most that often), after
 * {@link AccountPolicy#absoluteTimeout()} in any case, at sign-out, and when their user is
 * disabled, has their password set or changed, or has their second factor reset.
 *
 * <p>Thread-safe and shared: it keeps no state of its own beyond its configuration; each operation
 * is one or a few transactions, and password hashing runs outside any transaction so that no
 * connection is held during it.
 */
public final class AccountService {
  /** Login names: lower-case Latin letters, digits and {@code . _ @ -}, 2 to 100 characters. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");

  public static final String API_TOKEN_PREFIX = "cbk_";
  /**
   * Who an account change made without a signed-in user is recorded as: the {@code casebook user}
   * commands and the demo set-up, run by whoever operates the server.
   */
  public static final Actor COMMAND_LINE = Actor.system("command-line");

  public static final Duration LONGEST_API_TOKEN_VALIDITY = Duration.ofDays(366);

  private static final int TOKEN_BYTES = 32;
  private static final Pattern SESSION_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Pattern API_TOKEN = Pattern.compile("cbk_[A-Za-z0-9_-]{43}");
  private static final String CSRF_PURPOSE = "casebook csrf v1";

  private final Jdbi jdbi;
  private final Clock clock;
  private final AccountPolicy policy;
  private final SignInThrottle throttle;

  /**
   * @param pseudonymKey at least 32 bytes kept outside the database, under which names and
   *     addresses are hashed for throttling. Every node of an installation must use the same key
   *     for throttling to count across nodes; see {@link #newPseudonymKey()}.
   */
  public AccountService(Jdbi jdbi, Clock clock, AccountPolicy policy, byte[] pseudonymKey) {
    if (pseudonymKey.length < 32) {
      throw new IllegalArgumentException("the pseudonym key needs at least 32 bytes");
    }
    this.jdbi = jdbi;
    this.clock = clock;
    this.policy = policy;
    this.throttle = new SignInThrottle(jdbi, policy, pseudonymKey);
  }

  /**
   * A new random pseudonym key. Fit for one process that does not sign anyone in (the command
   * line), or for a single node that accepts losing its throttling counts at restart.
   */
  public static byte[] newPseudonymKey() {
    return Secrets.randomBytes(32);
  }

  /** {@code name} trimmed and in lower case, as names are stored and compared. */
  public static String normalizeName(String name) {
    return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- accounts (administrators)

  /**
   * Creates an account. The name is normalized ({@link #normalizeName}) and must match {@link
   * #NAME}; the password must meet {@link Passwords#checkPolicy}.
   *
   * @throws InvalidInput for a bad or taken name, a missing display name or a weak password
   */
  public User createUser(String name, String displayName, Role role, CharSequence password) {
    return createUser(COMMAND_LINE, name, displayName, role, password);
  }

  /** {@link #createUser(String, String, Role, CharSequence)}, recorded in the audit log as done by {@code actor}. */
  public User createUser(Actor actor, String name, String displayName, Role role, CharSequence password) {
    String normalized = normalizeName(name);
    Checks checks = new Checks();
    if (!NAME.matcher(normalized).matches()) {
      checks.add(
          "name",
          "must be 2 to 100 characters: lower-case Latin letters, digits and . _ @ -,"
              + " starting with a letter or digit");
    }
    checks.requiredText("display_name", displayName, 200);
    checks.required("role", role);
    checks.throwIfAny();
    Passwords.checkPolicy(normalized, password);
    String hash = Passwords.hash(password);
    Instant now = now();
    UUID id = UUID.randomUUID();
    return jdbi.inTransaction(
        handle -> {
          if (UserStore.byName(handle, normalized).isPresent()) {
            throw new InvalidInput("name", "\"" + normalized + "\" is taken");
          }
          UserStore.insert(handle, id, normalized, displayName.trim(), role, hash, now);
          administered(handle, actor, "user-create", id, role.code(), now);
          return UserStore.byId(handle, id).user();
        });
  }

  public User user(UUID id) {
    return jdbi.withHandle(handle -> UserStore.byId(handle, id).user());
  }

  public Optional<User> findUser(String name) {
    return jdbi.withHandle(
        handle -> UserStore.byName(handle, normalizeName(name)).map(StoredUser::user));
  }

  /** Every account, by name. */
  public List<User> users() {
    return jdbi.withHandle(UserStore::all);
  }

  /** Sets a new password without the old one, and ends every session of the user. */
  public void setPassword(UUID userId, CharSequence newPassword) {
    setPassword(COMMAND_LINE, userId, newPassword);
  }

  /** {@link #setPassword(UUID, CharSequence)}, recorded in the audit log as done by {@code actor}. */
  public void setPassword(Actor actor, UUID userId, CharSequence newPassword) {
    User user = user(userId);
    Passwords.checkPolicy(user.name(), newPassword);
    String hash = Passwords.hash(newPassword);
    Instant now = now();
    jdbi.useTransaction(
        handle -> {
          StoredUser stored = UserStore.byId(handle, userId);
          UserStore.setPasswordHash(handle, stored.key(), hash, now, true);
          SessionStore.endSessionsOf(handle, stored.key(), -1, now);
          administered(handle, actor, "user-password-set", userId, null, now);
        });
  }

  /**
   * Disables an account: it can no longer sign in, its sessions end and its API tokens are revoked
   * (enabling it again does not bring them back).
   */
  public void disable(UUID userId) {
    disable(COMMAND_LINE, userId);
  }

  /**
   * {@link #disable(UUID)}, recorded in the audit log as done by {@code actor}. Nobody disables
   * their own account, and the last administrator who can sign in stays, so that an installation
   * is never left without anyone to run it.
   *
   * @throws InvalidInput when {@code actor} is the account's owner or it is the last enabled administrator
   */
  public void disable(Actor actor, UUID userId) {
    Instant now = now();
    jdbi.useTransaction(
        handle -> {
          StoredUser stored = UserStore.byId(handle, userId);
          User user = stored.user();
          if (user.name().equals(actor.name())) {
            throw new InvalidInput("user", "is your own account; another administrator must disable it");
          }
          if (user.role() == Role.ADMINISTRATOR && !user.disabled() && enabledAdministrators(handle) <= 1) {
            throw new InvalidInput("user", "is the last administrator who can sign in; enable or create another first");
          }
          UserStore.setDisabled(handle, stored.key(), true, now);
          administered(handle, actor, "user-disable", userId, null, now);
          SessionStore.endSessionsOf(handle, stored.key(), -1, now);
          SessionStore.revokeTokensOf(handle, stored.key(), now);
        });
  }

  public void enable(UUID userId) {
    enable(COMMAND_LINE, userId);
  }

  /** {@link #enable(UUID)}, recorded in the audit log as done by {@code actor}. */
  public void enable(Actor actor, UUID userId) {
    Instant now = now();
    jdbi.useTransaction(
        handle -> {
          UserStore.setDisabled(handle, UserStore.byId(handle, userId).key(), false, now);
          administered(handle, actor, "user-enable", userId, null, now);
        });
  }

  /**
   * Removes the user's second factor and recovery codes (when the authenticator is lost) and ends
   * their sessions. An administrator must enrol again at the next sign-in.
   */
  public void resetTotp(UUID userId) {
    resetTotp(COMMAND_LINE, userId);
  }

  /** {@link #resetTotp(UUID)}, recorded in the audit log as done by {@code actor}. */
  public void resetTotp(Actor actor, UUID userId) {
    Instant now = now();
    jdbi.useTransaction(
        handle -> {
          StoredUser stored = UserStore.byId(handle, userId);
          UserStore.setTotp(handle, stored.key(), null, false, now);
          handle.execute("DELETE FROM recovery_codes WHERE user_id = ?", stored.key());
          SessionStore.endSessionsOf(handle, stored.key(), -1, now);
          administered(handle, actor, "user-totp-reset", userId, null, now);
        });
  }

  // ---------------------------------------------------------------- one's own account

  /**
   * Changes the signed-in user's password, given the current one, and ends their other sessions. A
   * wrong current password counts as a failed sign-in for the account.
   *
   * @throws SignInRefused if the current password is wrong
   * @throws SignInThrottled if the account is blocked by failed attempts
   */
  public void changePassword(
      Principal principal, CharSequence currentPassword, CharSequence newPassword) {
    Instant now = now();
    StoredUser stored = jdbi.withHandle(handle -> UserStore.byId(handle, principal.userId()));
    List<String> keys = throttle.keys(stored.user().name(), null);
    refuseIfThrottled(keys, now);
    if (!Passwords.verify(currentPassword, stored.passwordHash())) {
      throttle.recordFailure(keys, now);
      throw new SignInRefused();
    }
    Passwords.checkPolicy(stored.user().name(), newPassword);
    String hash = Passwords.hash(newPassword);
    long keptSession =
        principal.credential().kind() == Principal.CredentialKind.SESSION
            ? principal.credential().id()
            : -1;
    jdbi.useTransaction(
        handle -> {
          UserStore.setPasswordHash(handle, stored.key(), hash, now, true);
          SessionStore.endSessionsOf(handle, stored.key(), keptSession, now);
        });
  }

  /**
   * Starts enrolment of a second factor: a new secret, pending until {@link #confirmTotp}. Calling
   * it again replaces a pending secret.
   *
   * @throws InvalidInput if the user already has a confirmed second factor (reset it first, so that
   *     a stolen session cannot replace the owner's authenticator)
   */
  public TotpEnrollment enrollTotp(UUID userId) {
    String secret = Totp.newSecret();
    Instant now = now();
    return jdbi.inTransaction(
        handle -> {
          StoredUser stored = UserStore.byId(handle, userId);
          if (stored.user().totpEnabled()) {
            throw new InvalidInput("totp", "two-factor sign-in is already on; reset it first");
          }
          UserStore.setTotp(handle, stored.key(), secret, false, now);
          return new TotpEnrollment(secret, Totp.uri(secret, stored.user().name()));
        });
  }

  /**
   * Confirms the pending second factor with a code from the authenticator, turns two-factor sign-in
   * on, and returns {@value RecoveryCodes#COUNT} new recovery codes, to be shown this once (any
   * earlier codes stop working).
   *
   * @throws InvalidInput if there is no pending enrolment or the code is wrong
   */
  public List<String> confirmTotp(UUID userId, String code) {
    Instant now = now();
    List<String> codes = RecoveryCodes.generate();
    return jdbi.inTransaction(
        handle -> {
          StoredUser stored = UserStore.byId(handle, userId);
          if (stored.user().totpEnabled() || stored.totpSecret() == null) {
            throw new InvalidInput("totp", "there is no pending enrolment to confirm");
          }
          OptionalLong step = Totp.matchingStep(totpSecret(stored), code, now);
          if (step.isEmpty() || !UserStore.useTotpStep(handle, stored.key(), step.getAsLong())) {
            throw new InvalidInput("code", "does not match; check the authenticator's clock");
          }
          UserStore.enableTotp(handle, stored.key(), now);
          replaceRecoveryCodes(handle, stored.key(), codes, now);
          return codes;
        });
  }

  // ---------------------------------------------------------------- sign-in and sessions

  /**
   * Signs in with a name, a password and, when the account has a second factor, a TOTP code or a
   * recovery code (either in {@code otpOrRecoveryCode}; ignored for accounts without one). An
   * administrator without a second factor is signed in with {@link Principal#mustEnrollTotp()} set.
   *
   * <p>Each failure counts against the name and against {@code clientAddress} (null when there is
   * none); too many block further attempts for a while, unchecked. A success clears the name's
   * count, not the address's. The second factor is checked only after the password is right, so a
   * wrong password never uses up a code.
   *
   * @return the session; its token is in no other place
   * @throws SignInRefused for an unknown name, a wrong password or code, or a disabled account
   * @throws SignInThrottled while the name or the address is blocked
   */
  public SignInResult signIn(
      String name, CharSequence password, String otpOrRecoveryCode, String clientAddress) {
    Instant now = now();
    String normalized = normalizeName(name);
    List<String> keys = throttle.keys(normalized, clientAddress);
    refuseIfThrottled(keys, now);
    Optional<StoredUser> found =
        NAME.matcher(normalized).matches()
            ? jdbi.withHandle(handle -> UserStore.byName(handle, normalized))
            : Optional.empty();
    boolean passwordRight =
        found.isPresent()
            ? Passwords.verify(password, found.get().passwordHash())
            : Passwords.verifyAgainstDummy(password);
    boolean admitted =
        passwordRight
            && !found.get().user().disabled()
            && secondFactorAccepted(found.get(), otpOrRecoveryCode, now);
    if (!admitted) {
      throttle.recordFailure(keys, now);
      throw new SignInRefused();
    }
    throttle.clear(keys.get(0));
    StoredUser user = found.get();
    String rehash = Passwords.needsRehash(user.passwordHash()) ? Passwords.hash(password) : null;
    String token = Secrets.randomToken(TOKEN_BYTES);
    Instant expiresAt = now.plus(policy.absoluteTimeout());
    long sessionId =
        jdbi.inTransaction(
            handle -> {
              if (rehash != null) {
                UserStore.setPasswordHash(handle, user.key(), rehash, now, false);
              }
              return SessionStore.insertSession(
                  handle, Secrets.sha256Hex(token), user.key(), now, expiresAt);
            });
    Principal principal =
        principal(
            user.user(),
            new Principal.Credential(Principal.CredentialKind.SESSION, sessionId),
            csrfToken(token));
    return new SignInResult(token, principal, expiresAt);
  }

  /**
   * The principal of a session token, if the session is open: not signed out, not idle for longer
   * than the idle timeout, younger than the absolute timeout, and its user not disabled. A session
   * found expired is ended. Records the use at most once a minute.
   */
  public Optional<Principal> session(String token) {
    if (token == null || !SESSION_TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    Instant now = now();
    return jdbi.inTransaction(
        handle -> {
          Optional<SessionStore.StoredSession> found =
              SessionStore.openSession(handle, Secrets.sha256Hex(token));
          if (found.isEmpty()) {
            return Optional.empty();
          }
          SessionStore.StoredSession session = found.get();
          boolean expired =
              !now.isBefore(session.expiresAt())
                  || !now.isBefore(session.lastSeenAt().plus(policy.idleTimeout()))
                  || session.user().user().disabled();
          if (expired) {
            SessionStore.endSession(handle, session.id(), now);
            return Optional.empty();
          }
          if (!now.isBefore(session.lastSeenAt().plus(AccountPolicy.LAST_SEEN_RESOLUTION))) {
            SessionStore.touchSession(handle, session.id(), now);
          }
          return Optional.of(
              principal(
                  session.user().user(),
                  new Principal.Credential(Principal.CredentialKind.SESSION, session.id()),
                  csrfToken(token)));
        });
  }

  /** Ends the session of {@code token} on the server; the token is useless afterwards. */
  public void signOut(String token) {
    if (token == null || !SESSION_TOKEN.matcher(token).matches()) {
      return;
    }
    Instant now = now();
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE sessions SET ended_at = :now"
                        + " WHERE token_hash = :hash AND ended_at IS NULL")
                .bind("now", UserStore.utc(now))
                .bind("hash", Secrets.sha256Hex(token))
                .execute());
  }

  /**
   * Whether {@code presented} is the CSRF token of the principal's session, compared in constant
   * time. False for a principal without one (an API token), and for null.
   */
  public boolean csrfMatches(Principal principal, String presented) {
    return principal != null && Secrets.constantTimeEquals(principal.csrfToken(), presented);
  }

  // ---------------------------------------------------------------- API tokens

  /**
   * Creates an API token for scripts, valid for {@code validity} (at most {@link
   * #LONGEST_API_TOKEN_VALIDITY}). The raw token is in the returned value only.
   *
   * @throws InvalidInput for a missing or long name or a validity out of range
   */
  public NewApiToken createApiToken(UUID userId, String name, Duration validity) {
    Checks checks = new Checks();
    checks.requiredText("name", name, 100);
    if (validity == null
        || validity.isNegative()
        || validity.isZero()
        || validity.compareTo(LONGEST_API_TOKEN_VALIDITY) > 0) {
      checks.add(
          "validity",
          "must be positive and at most " + LONGEST_API_TOKEN_VALIDITY.toDays() + " days");
    }
    checks.throwIfAny();
    Instant now = now();
    String raw = API_TOKEN_PREFIX + Secrets.randomToken(TOKEN_BYTES);
    UUID id = UUID.randomUUID();
    Instant expiresAt = now.plus(validity);
    jdbi.useTransaction(
        handle -> {
          StoredUser stored = UserStore.byId(handle, userId);
          handle
              .createUpdate(
                  "INSERT INTO api_tokens (public_id, user_id, name, token_hash, created_at,"
                      + " expires_at) VALUES (:id, :user_id, :name, :hash, :now, :expires_at)")
              .bind("id", id)
              .bind("user_id", stored.key())
              .bind("name", name.trim())
              .bind("hash", Secrets.sha256Hex(raw))
              .bind("now", UserStore.utc(now))
              .bind("expires_at", UserStore.utc(expiresAt))
              .execute();
        });
    return new NewApiToken(new ApiToken(id, name.trim(), now, expiresAt, null, null), raw);
  }

  /**
   * The principal of an API token, if it is known, not revoked, not expired, and its user is not
   * disabled. Records the use at most once a minute.
   */
  public Optional<Principal> apiToken(String raw) {
    if (raw == null || !API_TOKEN.matcher(raw).matches()) {
      return Optional.empty();
    }
    Instant now = now();
    return jdbi.inTransaction(
        handle -> {
          Optional<SessionStore.StoredToken> found =
              SessionStore.token(handle, Secrets.sha256Hex(raw));
          if (found.isEmpty()) {
            return Optional.empty();
          }
          SessionStore.StoredToken token = found.get();
          if (token.revokedAt() != null
              || !now.isBefore(token.expiresAt())
              || token.user().user().disabled()) {
            return Optional.empty();
          }
          if (token.lastUsedAt() == null
              || !now.isBefore(token.lastUsedAt().plus(AccountPolicy.LAST_SEEN_RESOLUTION))) {
            SessionStore.touchToken(handle, token.id(), now);
          }
          return Optional.of(
              principal(
                  token.user().user(),
                  new Principal.Credential(Principal.CredentialKind.API_TOKEN, token.id()),
                  null));
        });
  }

  /** The user's API tokens, newest first, revoked and expired ones included. */
  public List<ApiToken> apiTokens(UUID userId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT t.public_id, t.name, t.created_at, t.expires_at, t.last_used_at,"
                        + " t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id"
                        + " WHERE u.public_id = :user ORDER BY t.created_at DESC, t.id DESC")
                .bind("user", userId)
                .map(
                    (row, context) ->
                        new ApiToken(
                            row.getObject("public_id", UUID.class),
                            row.getString("name"),
                            UserStore.instant(row, "created_at"),
                            UserStore.instant(row, "expires_at"),
                            UserStore.instant(row, "last_used_at"),
                            UserStore.instant(row, "revoked_at")))
                .list());
  }

  /**
   * Revokes one of the user's API tokens; revoking it again changes nothing.
   *
   * @throws NoSuchRecord if the user has no token with that id
   */
  public void revokeApiToken(UUID userId, UUID tokenId) {
    Instant now = now();
    jdbi.useTransaction(
        handle -> {
          long userKey = UserStore.byId(handle, userId).key();
          int found =
              handle
                  .createQuery(
                      "SELECT COUNT(*) FROM api_tokens WHERE public_id = :id AND user_id = :user")
                  .bind("id", tokenId)
                  .bind("user", userKey)
                  .mapTo(Integer.class)
                  .one();
          if (found == 0) {
            throw new NoSuchRecord("api token", tokenId);
          }
          handle
              .createUpdate(
                  "UPDATE api_tokens SET revoked_at = :now"
                      + " WHERE public_id = :id AND revoked_at IS NULL")
              .bind("now", UserStore.utc(now))
              .bind("id", tokenId)
              .execute();
        });
  }

  // ---------------------------------------------------------------- internals

  private void refuseIfThrottled(List<String> keys, Instant now) {
    Optional<Instant> blockedUntil = throttle.blockedUntil(keys, now);
    if (blockedUntil.isPresent()) {
      throw new SignInThrottled(blockedUntil.get());
    }
  }

  /** A user's TOTP secret in clear; it is stored sealed. */
  private String totpSecret(StoredUser user) {
    return jdbi.getConfig(FieldProtection.class)
        .openValue("users", user.user().id(), "totp_secret", user.totpSecret());
  }

  /**
   * Whether the second factor is right, using up the code: a TOTP time step is accepted once, a
   * recovery code once. True for an account without a second factor.
   */
  private boolean secondFactorAccepted(StoredUser user, String code, Instant now) {
    if (!user.user().totpEnabled()) {
      return true;
    }
    if (code == null || code.isBlank()) {
      return false;
    }
    String trimmed = code.trim();
    OptionalLong step = Totp.matchingStep(totpSecret(user), trimmed, now);
    if (step.isPresent()) {
      return jdbi.inTransaction(
          handle -> UserStore.useTotpStep(handle, user.key(), step.getAsLong()));
    }
    Optional<String> recoveryHash = RecoveryCodes.hash(trimmed);
    if (recoveryHash.isEmpty()) {
      return false;
    }
    return jdbi.inTransaction(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE recovery_codes SET used_at = :now"
                            + " WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL")
                    .bind("now", UserStore.utc(now))
                    .bind("user", user.key())
                    .bind("hash", recoveryHash.get())
                    .execute()
                == 1);
  }

  private static void replaceRecoveryCodes(
      Handle handle, long userKey, List<String> codes, Instant now) {
    handle.execute("DELETE FROM recovery_codes WHERE user_id = ?", userKey);
    for (String code : codes) {
      handle
          .createUpdate(
              "INSERT INTO recovery_codes (user_id, code_hash, created_at)"
                  + " VALUES (:user, :hash, :now)")
          .bind("user", userKey)
          .bind("hash", RecoveryCodes.hash(code).orElseThrow())
          .bind("now", UserStore.utc(now))
          .execute();
    }
  }

  private static Principal principal(User user, Principal.Credential credential, String csrfToken) {
    return new Principal(
        user.id(),
        user.name(),
        user.displayName(),
        user.role(),
        credential,
        user.mustEnrollTotp(),
        csrfToken);
  }

  /**
   * The CSRF token of a session: an HMAC of a fixed purpose under the session token. It needs no
   * storage, is the same on every node, and does not reveal the session token.
   */
  private static String csrfToken(String sessionToken) {
    return Secrets.base64Url(
        Secrets.hmacSha256(sessionToken.getBytes(StandardCharsets.UTF_8), CSRF_PURPOSE));
  }

  /** Now, to the microsecond that both databases store. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The number of administrators who can sign in. */
  private static int enabledAdministrators(Handle handle) {
    return handle
        .createQuery("SELECT COUNT(*) FROM users WHERE role = :role AND NOT disabled")
        .bind("role", Role.ADMINISTRATOR.code())
        .mapTo(Integer.class)
        .one();
  }

  /**
   * Writes an administrative act on an account to the audit log, in its transaction. The entry
   * names the account by id; {@code detail} holds a role code at most, never a password.
   */
  private static void administered(Handle handle, Actor actor, String action, UUID userId, String detail, Instant now) {
    AuditLog.appendTo(handle, new AuditEntry(now, actor.name(), actor.sessionId(), action, "user", userId, detail));
  }
}
