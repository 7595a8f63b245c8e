package org.casebook.search.opensearch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Certificates made for a test: a certificate authority of its own, and server certificates it
 * signs for a host name. Built from Bouncy Castle's ASN.1 classes and signed with the JDK's ECDSA
 * (P-256, SHA-256); valid from an hour ago for a day.
 */
final class TestCertificates {
  private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
  private static final AtomicLong SERIALS = new AtomicLong(1);

  private TestCertificates() {}

  /** A certificate and its private key. */
  record Issued(X509Certificate certificate, PrivateKey key, X509Certificate issuer) {
    /** The certificate in PEM. */
    String pem() {
      try {
        return "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A server-side TLS context presenting this certificate, followed by its issuer's. */
    SSLContext serverContext() {
      try {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        char[] secret = "test-key-store".toCharArray();
        keys.setKeyEntry("server", key, secret, new Certificate[] {certificate, issuer});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, secret);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A self-signed certificate authority named {@code name}. */
  static Issued authority(String name) {
    KeyPair pair = keyPair();
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    try {
      extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    X509Certificate certificate = sign(new X500Name("CN=" + name), new X500Name("CN=" + name), pair.getPublic(), extensions, pair.getPrivate());
    return new Issued(certificate, pair.getPrivate(), certificate);
  }

  /** A server certificate for the host {@code hostName}, signed by {@code authority}. */
  static Issued server(Issued authority, String hostName) {
    KeyPair pair = keyPair();
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    try {
      extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      extensions.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, hostName)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    X500Name issuer = X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded());
    X509Certificate certificate = sign(issuer, new X500Name("CN=" + hostName), pair.getPublic(), extensions, authority.key());
    return new Issued(certificate, pair.getPrivate(), authority.certificate());
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(X500Name issuer, X500Name subject, PublicKey key, ExtensionsGenerator extensions, PrivateKey signingKey) {
    Instant now = Instant.now();
    V3TBSCertificateGenerator fields = new V3TBSCertificateGenerator();
    fields.setSerialNumber(new ASN1Integer(BigInteger.valueOf(SERIALS.getAndIncrement())));
    fields.setIssuer(issuer);
    fields.setSubject(subject);
    fields.setStartDate(new Time(Date.from(now.minus(Duration.ofHours(1)))));
    fields.setEndDate(new Time(Date.from(now.plus(Duration.ofDays(1)))));
    fields.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    fields.setSignature(ECDSA_SHA256);
    fields.setExtensions(extensions.generate());
    TBSCertificate toBeSigned = fields.generateTBSCertificate();
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(signingKey);
      signature.update(toBeSigned.getEncoded(ASN1Encoding.DER));
      ASN1EncodableVector certificate = new ASN1EncodableVector();
      certificate.add(toBeSigned);
      certificate.add(ECDSA_SHA256);
      certificate.add(new DERBitString(signature.sign()));
      byte[] encoded = new DERSequence(certificate).getEncoded(ASN1Encoding.DER);
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
