package nl.lekwacht.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lekwacht.config.CertificateFiles;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a server certificate and key from PEM files (PKCS#8, PKCS#1 or SEC1 keys; chain in any order,
 * the certificate of the key first afterwards) or a PKCS#12 keystore, and checks that the key belongs
 * to the certificate, so a half-replaced pair is refused rather than served. Stateless.
 */
final class CertificateReader {

    private CertificateReader() {
    }

    /** The bytes of every file, read once, so the hash and the parsed content are of the same version. */
    static Map<Path, byte[]> snapshot(CertificateFiles files) throws IOException {
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        for (Path file : files.files()) {
            bytes.put(file, Files.readAllBytes(file));
        }
        return bytes;
    }

    static String sha256(Map<Path, byte[]> snapshot) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            snapshot.values().forEach(digest::update);
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** @throws IOException naming the file and what is wrong with it */
    static KeyMaterial read(CertificateFiles files, Map<Path, byte[]> snapshot) throws IOException {
        String hash = sha256(snapshot);
        if (files.keystore().isPresent()) {
            return pkcs12(files.keystore().get(), snapshot.get(files.keystore().get()), files.keystorePassword(), hash);
        }
        Path certificateFile = files.certificate().orElseThrow();
        Path keyFile = files.privateKey().orElseThrow();
        List<X509Certificate> chain = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        pem(certificateFile, snapshot.get(certificateFile), chain, keys);
        if (!keyFile.equals(certificateFile)) {
            pem(keyFile, snapshot.get(keyFile), new ArrayList<>(), keys);
        }
        if (chain.isEmpty()) {
            throw new IOException(certificateFile + ": no certificate (BEGIN CERTIFICATE) in it");
        }
        if (keys.size() != 1) {
            throw new IOException(keyFile + ": expected one private key, found " + keys.size());
        }
        return new KeyMaterial(keys.get(0), leafFirst(keys.get(0), chain, certificateFile), hash);
    }

    private static void pem(Path file, byte[] bytes, List<X509Certificate> chain, List<PrivateKey> keys)
            throws IOException {
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        JcaX509CertificateConverter certificateConverter = new JcaX509CertificateConverter();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(certificateConverter.getCertificate(holder));
                } else if (item instanceof PEMKeyPair pair) {
                    // an SEC1 EC key may leave out its public half: only the private one is needed
                    keys.add(keyConverter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (item instanceof PrivateKeyInfo info) {
                    keys.add(keyConverter.getPrivateKey(info));
                } else if (item instanceof PKCS8EncryptedPrivateKeyInfo || item instanceof PEMEncryptedKeyPair) {
                    throw new EncryptedKeyException(file + ": the private key is encrypted; give it unencrypted "
                            + "(readable only by the service) or use a PKCS#12 keystore with keystore-password");
                }
            }
        } catch (EncryptedKeyException e) {
            throw e;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IOException(file + ": not a readable PEM file (" + e.getMessage() + ")", e);
        }
    }

    private static final class EncryptedKeyException extends IOException {
        private static final long serialVersionUID = 1L;

        EncryptedKeyException(String message) {
            super(message);
        }
    }

    private static KeyMaterial pkcs12(Path file, byte[] bytes, String password, String hash) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new KeyMaterial(key, leafFirst(key, chain, file), hash);
                }
            }
            throw new IOException(file + ": no private key entry in the keystore");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException(file + ": cannot read the PKCS#12 keystore (wrong keystore-password?): "
                    + e.getMessage(), e);
        }
    }

    /** The chain with the certificate of {@code key} first. */
    private static List<X509Certificate> leafFirst(PrivateKey key, List<X509Certificate> chain, Path file)
            throws IOException {
        for (X509Certificate candidate : chain) {
            if (belongTogether(key, candidate)) {
                List<X509Certificate> ordered = new ArrayList<>(chain);
                ordered.remove(candidate);
                ordered.add(0, candidate);
                return ordered;
            }
        }
        throw new IOException(file + ": the private key does not belong to any certificate in the chain");
    }

    /** Signs a random challenge with the key and verifies it with the certificate. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
        if (algorithm == null || !certificate.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
