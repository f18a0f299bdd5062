package nl.lekwacht.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The key manager of a server context whose certificate can be replaced while it serves: each
 * handshake asks the current key material. Every version gets an alias of its own, and the version
 * before stays reachable, so a handshake that chose its alias just before a swap still finds the key
 * and chain of that alias. Server side only. Thread-safe.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {

    private record Version(String alias, X509ExtendedKeyManager keys) {
    }

    private volatile Version current;
    private volatile Version previous;
    private int versions;

    ReloadingKeyManager(KeyMaterial material) throws GeneralSecurityException {
        this.current = version(material);
    }

    /** From now on handshakes use {@code material}. */
    synchronized void replace(KeyMaterial material) throws GeneralSecurityException {
        Version next = version(material);
        previous = current;
        current = next;
    }

    private synchronized Version version(KeyMaterial material) throws GeneralSecurityException {
        String alias = "lekwacht-" + (++versions);
        char[] password = new char[24];
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        // the password of a keystore that lives only in memory, for this one key manager
        Base64.getEncoder().encodeToString(random).getChars(0, 24, password, 0);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("empty keystore", e);
        }
        store.setKeyEntry(alias, material.key(), password, material.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        for (KeyManager manager : factory.getKeyManagers()) {
            if (manager instanceof X509ExtendedKeyManager keys) {
                return new Version(alias, keys);
            }
        }
        throw new GeneralSecurityException("the JDK made no X509 key manager");
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return current.keys().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return current.keys().chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return current.keys().getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        X509Certificate[] chain = current.keys().getCertificateChain(alias);
        Version before = previous;
        return chain != null || before == null ? chain : before.keys().getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        PrivateKey key = current.keys().getPrivateKey(alias);
        Version before = previous;
        return key != null || before == null ? key : before.keys().getPrivateKey(alias);
    }

    /** A server presents certificates; it never authenticates as a client. */
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
