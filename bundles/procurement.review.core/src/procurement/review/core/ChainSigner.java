package procurement.review.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.notify.impl.AdapterImpl;

import procurement.review.model.AuditEntry;
import procurement.review.model.ReviewProject;

/**
 * Signs the head of a review's audit chain with the reviewer's key: each entry appended while a signer is attached
 * to the review carries a signature of its hash (which covers the previous entry's hash and the content digest, so
 * one signature vouches for the whole review up to it) and the certificate to check it with.
 * <p>
 * The key comes from a PKCS#12 keystore (what {@code keytool} makes, and what agencies hand out with PIV-derived
 * credentials); RSA and EC keys sign with SHA-256.
 */
public final class ChainSigner extends AdapterImpl {

	private final PrivateKey key;
	private final X509Certificate certificate;

	private ChainSigner(PrivateKey key, X509Certificate certificate) {
		this.key = key;
		this.certificate = certificate;
	}

	/**
	 * Loads a signer from a PKCS#12 keystore: its first key entry, or the one of an alias.
	 *
	 * @param keystore the .p12 / .pfx file
	 * @param password its password (also the key's)
	 * @param alias    the key's alias, or null for the first key in the store
	 * @return the signer
	 * @throws IOException when the file cannot be read, the password is wrong or there is no key
	 */
	public static ChainSigner load(Path keystore, char[] password, String alias) throws IOException {
		try (InputStream in = Files.newInputStream(keystore)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			for (String name : Collections.list(store.aliases())) {
				if ((alias == null || alias.equals(name)) && store.isKeyEntry(name)) {
					PrivateKey key = (PrivateKey) store.getKey(name, password);
					X509Certificate certificate = (X509Certificate) store.getCertificate(name);
					if (key != null && certificate != null) {
						return new ChainSigner(key, certificate);
					}
				}
			}
			throw new IOException(keystore.getFileName() + " holds no signing key"
					+ (alias == null ? "" : " named " + alias));
		} catch (GeneralSecurityException e) {
			throw new IOException(keystore.getFileName() + " cannot be opened: " + e.getMessage(), e);
		} catch (IOException e) {
			if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
				throw new IOException(keystore.getFileName() + ": wrong password", e);
			}
			throw e;
		}
	}

	/** @return who signs: the certificate's subject */
	public String subject() {
		return certificate.getSubjectX500Principal().getName();
	}

	/**
	 * Attaches the signer to a review: entries appended from now on are signed. One signer per review.
	 *
	 * @param review the review
	 */
	public void attachTo(ReviewProject review) {
		review.eAdapters().removeIf(a -> a instanceof ChainSigner);
		review.eAdapters().add(this);
	}

	/**
	 * @param review a review
	 * @return the signer attached to it, or null
	 */
	static ChainSigner of(ReviewProject review) {
		for (Object adapter : review.eAdapters()) {
			if (adapter instanceof ChainSigner s) {
				return s;
			}
		}
		return null;
	}

	/** Signs an entry whose hash is set. */
	void sign(AuditEntry entry) {
		try {
			Signature signature = Signature.getInstance(algorithm(key.getAlgorithm()));
			signature.initSign(key);
			signature.update(entry.getHash().getBytes(StandardCharsets.US_ASCII));
			entry.setSignature(Base64.getEncoder().encodeToString(signature.sign()));
			entry.setCertificate(Base64.getEncoder().encodeToString(certificate.getEncoded()));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("Signing the audit entry failed: " + e.getMessage(), e);
		}
	}

	private static String algorithm(String keyAlgorithm) {
		return switch (keyAlgorithm) {
		case "EC" -> "SHA256withECDSA";
		case "RSA" -> "SHA256withRSA";
		default -> throw new IllegalStateException("A " + keyAlgorithm + " key cannot sign audit entries");
		};
	}

	/**
	 * The signatures of a review's audit entries, checked: each against the certificate stored with it. Whether the
	 * certificate belongs to whom it names is for the reader (its fingerprint is given) or an agency's PKI.
	 *
	 * @param review a review
	 * @return one line per signer and per problem; empty when no entry is signed
	 */
	public static Verification verify(ReviewProject review) {
		Set<String> signers = new LinkedHashSet<>();
		List<String> problems = new ArrayList<>();
		int signed = 0;
		int lastSigned = 0;
		List<AuditEntry> log = review.getAuditLog();
		for (int i = 0; i < log.size(); i++) {
			AuditEntry entry = log.get(i);
			if (entry.getSignature() == null || entry.getSignature().isBlank()) {
				continue;
			}
			signed++;
			lastSigned = i + 1;
			try {
				byte[] der = Base64.getDecoder().decode(entry.getCertificate());
				X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
						.generateCertificate(new ByteArrayInputStream(der));
				Signature signature = Signature.getInstance(algorithm(certificate.getPublicKey().getAlgorithm()));
				signature.initVerify(certificate.getPublicKey());
				String hash = AuditLog.hash(entry);
				signature.update(hash.getBytes(StandardCharsets.US_ASCII));
				if (!hash.equals(entry.getHash())
						|| !signature.verify(Base64.getDecoder().decode(entry.getSignature()))) {
					problems.add("the signature of entry " + (i + 1) + " does not match it");
					continue;
				}
				signers.add(certificate.getSubjectX500Principal().getName() + " (certificate SHA-256 "
						+ HexFormat.of().formatHex(ReviewSession.sha256().digest(der)).substring(0, 16) + "...)");
			} catch (GeneralSecurityException | RuntimeException e) {
				problems.add("the signature of entry " + (i + 1) + " cannot be checked: " + e.getMessage());
			}
		}
		return new Verification(signed, log.size(), lastSigned, List.copyOf(signers), problems);
	}

	/**
	 * What {@link #verify} found.
	 *
	 * @param signed     how many entries are signed
	 * @param entries    how many entries there are
	 * @param lastSigned the number (1-based) of the newest signed entry, 0 when none is
	 * @param signers    who signed, with their certificates' fingerprints
	 * @param problems   signatures that do not match or cannot be checked
	 */
	public record Verification(int signed, int entries, int lastSigned, List<String> signers,
			List<String> problems) {
	}
}
