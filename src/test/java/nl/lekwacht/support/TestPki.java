package nl.lekwacht.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for tests (BouncyCastle, EC P-256): it issues server certificates
 * for chosen names and writes them as PEM files or PKCS#12 keystores, and makes client contexts that
 * trust it. Every certificate has its own serial number, so a test can tell which one it was shown.
 */
public final class TestPki {

    public static final String PASSWORD = "changeit";

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffffL);

    /** A key and its chain, leaf first. */
    public record Issued(PrivateKey key, List<X509Certificate> chain) {

        public X509Certificate leaf() {
            return chain.get(0);
        }

        public BigInteger serial() {
            return leaf().getSerialNumber();
        }

        /** Writes the chain (leaf first) and the key (PKCS#8, {@code BEGIN PRIVATE KEY}) as PEM. */
        public void writePem(Path certificateFile, Path keyFile) throws IOException {
            Files.writeString(certificateFile, pem(chain.toArray()));
            Files.writeString(keyFile, pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null)));
        }

        /** As {@link #writePem}, the key in OpenSSL's older form ({@code BEGIN RSA PRIVATE KEY} for RSA). */
        public void writePemTraditional(Path certificateFile, Path keyFile) throws IOException {
            Files.writeString(certificateFile, pem(chain.toArray()));
            Files.writeString(keyFile, pem(key));
        }

        /** The same certificate with another key: what a half-replaced pair looks like. */
        public Issued withKey(PrivateKey other) {
            return new Issued(other, chain);
        }

        public void writePkcs12(Path file) throws IOException, GeneralSecurityException {
            try (OutputStream out = Files.newOutputStream(file)) {
                keyStore().store(out, PASSWORD.toCharArray());
            }
        }

        /** A server context presenting this certificate (for a next hop played by the test). */
        public SSLContext serverContext() throws GeneralSecurityException, IOException {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        }

        private KeyStore keyStore() throws GeneralSecurityException, IOException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, PASSWORD.toCharArray(), chain.toArray(new X509Certificate[0]));
            return store;
        }
    }

    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestPki(String name) throws GeneralSecurityException {
        try {
            caKeys = newKeys();
            X500Name subject = new X500Name("CN=" + name);
            JcaX509v3CertificateBuilder builder = builder(subject, subject, caKeys);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            ca = sign(builder, caKeys.getPrivate());
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    public static TestPki create(String name) throws GeneralSecurityException {
        return new TestPki(name);
    }

    public X509Certificate certificate() {
        return ca;
    }

    /** A server certificate for {@code names} (DNS names, or IP addresses such as 127.0.0.1) signed by this CA. */
    public Issued issue(String... names) throws GeneralSecurityException {
        return issue(newKeys(), names);
    }

    /** As {@link #issue(String...)} with an RSA key (2048 bits), as many organisations' certificates have. */
    public Issued issueRsa(String... names) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return issue(generator.generateKeyPair(), names);
    }

    private Issued issue(KeyPair keys, String... names) throws GeneralSecurityException {
        return new Issued(keys.getPrivate(), List.of(leaf(names, keys, new X500Name(ca.getSubjectX500Principal()
                .getName()), caKeys.getPrivate()), ca));
    }

    /** A certificate for {@code names} signed by its own key: trusted by nobody. */
    public static Issued selfSigned(String... names) throws GeneralSecurityException {
        KeyPair keys = newKeys();
        return new Issued(keys.getPrivate(), List.of(leaf(names, keys, new X500Name("CN=" + names[0]),
                keys.getPrivate())));
    }

    /** Writes this CA's certificate as PEM (a truststore in PEM). */
    public void writeCaPem(Path file) throws IOException {
        Files.writeString(file, pem(ca));
    }

    /** Writes this CA's certificate into a PKCS#12 truststore with {@link #PASSWORD}. */
    public void writeTruststore(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    /** A fresh client context that trusts this CA only (fresh, so it never resumes an earlier session). */
    public SSLContext trustingContext() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static X509Certificate leaf(String[] names, KeyPair keys, X500Name issuer, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            JcaX509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=" + names[0]), keys);
            List<GeneralName> alternatives = new ArrayList<>();
            for (String name : names) {
                alternatives.add(new GeneralName(name.matches("[0-9.]+|.*:.*") ? GeneralName.iPAddress
                        : GeneralName.dNSName, name));
            }
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(alternatives.toArray(new GeneralName[0])));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            return sign(builder, signer);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                writer.writeObject(o);
            }
        }
        return text.toString();
    }
}
