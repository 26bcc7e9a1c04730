package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.privacy.Addresses;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The suppression lists: (address, subscription) pairs that unsubscribed, and addresses that hard-bounced
 * ({@link AddressSuppression}), which receive nothing at all.
 */
@ApplicationScoped
public class SuppressionRepository implements PanacheRepositoryBase<Suppression, Suppression.Key> {

    /** Why an email is not sent. {@code detail} says it in words; for a hard bounce it is the DeliveryFailed reason. */
    public record Suppressed(String reason, String detail) {

        public static final String UNSUBSCRIBED = "unsubscribed";

        public static final String NOT_ME = AddressSuppression.NOT_ME;

        public boolean hardBounce() {
            return AddressSuppression.HARD_BOUNCE.equals(reason);
        }
    }

    /** Adds the pair; false if it was already there (a repeated Unsubscribed). */
    public boolean suppress(String address, UUID subscriptionId, UUID eventId, Instant at) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO suppression (address, subscription_id, event_id, suppressed_at)
                        VALUES (:address, :subscriptionId, :eventId, :at)
                        ON CONFLICT (address, subscription_id) DO NOTHING""")
                .setParameter("address", normalise(address))
                .setParameter("subscriptionId", subscriptionId)
                .setParameter("eventId", eventId)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    /** Suppresses the address for everything after a hard bounce; false if it already was (the first bounce is kept). */
    public boolean suppressHardBounce(String address, Integer smtpCode, String smtpReply, UUID emailId, Instant at) {
        lock(Addresses.hash(address));
        return getEntityManager().createNativeQuery("""
                        INSERT INTO address_suppression (address_hash, address, reason, smtp_code, smtp_reply, email_id, suppressed_at)
                        VALUES (:hash, :address, :reason, :smtpCode, :smtpReply, :emailId, :at)
                        ON CONFLICT (address_hash) DO NOTHING""")
                .setParameter("hash", Addresses.hash(address))
                .setParameter("address", normalise(address))
                .setParameter("reason", AddressSuppression.HARD_BOUNCE)
                .setParameter("smtpCode", smtpCode)
                .setParameter("smtpReply", smtpReply)
                .setParameter("emailId", emailId)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    /**
     * Its owner said "this wasn't me" (or an operator decided so), at {@code requestedAt} on roadmap-service's clock: nothing
     * of any kind goes to the address again. Not applied if a lift made at or after that time has already been applied
     * (the suppression arrived late); a hard bounce already there keeps its reason and remembers the request. False if
     * nothing new was suppressed.
     */
    public boolean suppressNotMe(String addressHash, Instant requestedAt, Instant now) {
        lock(addressHash);
        Number lifted = (Number) getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM address_lift WHERE address_hash = :hash AND lifted_at >= :requestedAt")
                .setParameter("hash", addressHash).setParameter("requestedAt", requestedAt).getSingleResult();
        if (lifted.longValue() > 0) {
            return false;
        }
        int existing = getEntityManager().createNativeQuery("""
                        UPDATE address_suppression SET requested_at = greatest(requested_at, :requestedAt)
                        WHERE address_hash = :hash""")
                .setParameter("hash", addressHash).setParameter("requestedAt", requestedAt).executeUpdate();
        if (existing > 0) {
            return false;
        }
        return getEntityManager().createNativeQuery("""
                        INSERT INTO address_suppression (address_hash, reason, suppressed_at, requested_at) VALUES (:hash, :reason, :now, :requestedAt)
                        ON CONFLICT (address_hash) DO NOTHING""")
                .setParameter("hash", addressHash)
                .setParameter("reason", AddressSuppression.NOT_ME)
                .setParameter("now", now)
                .setParameter("requestedAt", requestedAt)
                .executeUpdate() == 1;
    }

    /**
     * An operator lifted the address's suppression at {@code liftedAt} on roadmap-service's clock: the hard bounce and any
     * suppression requested up to then go. One requested after it (which overtook the lift here) stays, as a not-me: the
     * bounce it was kept with is lifted all the same (its address and reply go too). The lift is remembered, so a
     * suppression requested before it that arrives later is not applied. False if nothing was lifted.
     */
    public boolean unsuppress(String addressHash, Instant liftedAt) {
        lock(addressHash);
        getEntityManager().createNativeQuery("""
                        INSERT INTO address_lift (address_hash, lifted_at) VALUES (:hash, :liftedAt)
                        ON CONFLICT (address_hash) DO UPDATE SET lifted_at = greatest(address_lift.lifted_at, excluded.lifted_at)""")
                .setParameter("hash", addressHash).setParameter("liftedAt", liftedAt).executeUpdate();
        int lifted = getEntityManager().createNativeQuery(
                        "DELETE FROM address_suppression WHERE address_hash = :hash AND (requested_at IS NULL OR requested_at <= :liftedAt)")
                .setParameter("hash", addressHash).setParameter("liftedAt", liftedAt)
                .executeUpdate();
        int bounceLifted = getEntityManager().createNativeQuery("""
                        UPDATE address_suppression SET reason = :notMe, address = NULL, smtp_code = NULL, smtp_reply = NULL, email_id = NULL
                        WHERE address_hash = :hash AND reason = :hardBounce""")
                .setParameter("hash", addressHash).setParameter("notMe", AddressSuppression.NOT_ME)
                .setParameter("hardBounce", AddressSuppression.HARD_BOUNCE).executeUpdate();
        return lifted + bounceLifted > 0;
    }

    /**
     * Serialises the changes to one address's suppression until the transaction ends: the consumer applies a suppression
     * and a lift of the same address concurrently, and each must see what the other wrote.
     */
    private void lock(String addressHash) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "address:" + addressHash).getSingleResult();
    }

    /** Whether the address left this subscription (unsubscribed). */
    public boolean isSuppressed(String address, UUID subscriptionId) {
        return unsubscribed(List.of(new Recipient(address, subscriptionId, null))).contains(Pair.of(address, subscriptionId));
    }

    /** The address's suppression for every kind of email: a hard bounce or "this wasn't me". */
    public Optional<AddressSuppression> ofAddress(String address) {
        return Optional.ofNullable(getEntityManager().find(AddressSuppression.class, Addresses.hash(address)));
    }

    /** One email's recipient as the suppression lists see it: the address, the subscription it is for, and its kind. */
    public record Recipient(String address, UUID subscriptionId, EmailKind kind) {
    }

    /**
     * Whether an email of this kind may not go to the address for this subscription, and why: a hard-bounced address and
     * one whose owner said "this wasn't me" get nothing; an address that left the subscription gets nothing but the goodbye.
     */
    public Optional<Suppressed> find(String address, UUID subscriptionId, EmailKind kind) {
        return findAll(List.of(new Recipient(address, subscriptionId, kind))).get(0);
    }

    /**
     * {@link #find} for many emails at once, answered in the order given, with two queries whatever their number: a sender
     * checks the whole batch it claims in one go (one query per email cost a sixth of the notifier's CPU in a burst).
     */
    public List<Optional<Suppressed>> findAll(List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        List<String> hashes = recipients.stream().map(r -> Addresses.hash(r.address())).toList();
        Map<String, AddressSuppression> byHash = addressSuppressions(hashes);
        Set<Pair> left = unsubscribed(recipients);
        List<Optional<Suppressed>> answers = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            Recipient recipient = recipients.get(i);
            AddressSuppression why = byHash.get(hashes.get(i));
            if (why != null) {
                answers.add(Optional.of(why.reason.equals(AddressSuppression.HARD_BOUNCE)
                        ? new Suppressed(AddressSuppression.HARD_BOUNCE, HardBounces.laterEmailReason(why))
                        : new Suppressed(why.reason, "the address's owner asked never to be emailed again (" + why.suppressedAt + ")")));
            } else if (recipient.kind() != EmailKind.GOODBYE && left.contains(Pair.of(recipient.address(), recipient.subscriptionId()))) {
                answers.add(Optional.of(new Suppressed(Suppressed.UNSUBSCRIBED,
                        Addresses.logId(recipient.address()) + " unsubscribed from subscription " + recipient.subscriptionId())));
            } else {
                answers.add(Optional.empty());
            }
        }
        return answers;
    }

    @SuppressWarnings("unchecked")
    private Map<String, AddressSuppression> addressSuppressions(List<String> hashes) {
        List<AddressSuppression> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM address_suppression WHERE address_hash IN (:hashes)", AddressSuppression.class)
                .setParameter("hashes", Set.copyOf(hashes))
                .getResultList();
        return rows.stream().collect(Collectors.toMap(row -> row.addressHash, row -> row));
    }

    /** An (address, subscription) pair as the suppression table keys it: the address normalised. */
    private record Pair(String address, UUID subscriptionId) {
        static Pair of(String address, UUID subscriptionId) {
            return new Pair(normalise(address), subscriptionId);
        }
    }

    /**
     * The unsubscribed pairs among the recipients' addresses and subscriptions: a superset of the recipients' own pairs,
     * which callers look theirs up in. The IN lists vary in length; Quarkus pads IN-clause parameters to a power of two,
     * so the statements stay few.
     */
    @SuppressWarnings("unchecked")
    private Set<Pair> unsubscribed(List<Recipient> recipients) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT address, subscription_id FROM suppression WHERE address IN (:addresses) AND subscription_id IN (:ids)")
                .setParameter("addresses", recipients.stream().map(r -> normalise(r.address())).collect(Collectors.toSet()))
                .setParameter("ids", recipients.stream().map(Recipient::subscriptionId).collect(Collectors.toSet()))
                .getResultList();
        return rows.stream().map(row -> new Pair((String) row[0], (UUID) row[1])).collect(Collectors.toSet());
    }

    public static String normalise(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
