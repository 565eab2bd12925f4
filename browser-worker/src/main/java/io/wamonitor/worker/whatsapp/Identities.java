package io.wamonitor.worker.whatsapp;

import io.wamonitor.worker.browser.BrowserPage;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who a WhatsApp id names: since 2025 WhatsApp Web shows many people by their LID ({@code …@lid}) instead of
 * their phone number ({@code …@c.us}). One session's PN↔LID table, read from WhatsApp Web with
 * {@code WPP.contact.getPnLidEntry} (docs/WA-JS.md) and kept here, so a sender is looked up once. A LID whose
 * number WhatsApp Web does not know (the person does not share it) is looked up again after a while: the
 * mapping may arrive later.
 */
public final class Identities {

    /** How long "no phone number known for this LID" (or no LID for a number) is believed. */
    static final Duration RETRY_UNKNOWN = Duration.ofMinutes(10);

    private static final int CAPACITY = 5_000;

    private static final String LOOKUP = """
            (async () => {
              const out = {};
              for (const id of arg.ids) {
                try {
                  const e = await WPP.contact.getPnLidEntry(id);
                  out[id] = {lid: e && e.lid ? e.lid._serialized : null,
                             phone: e && e.phoneNumber ? e.phoneNumber._serialized : null};
                } catch (err) {
                  out[id] = null;
                }
              }
              return out;
            })()""";

    /**
     * A person as the platform names them: {@code jid} is the phone JID when the number is known, otherwise the
     * LID; {@code lid} is the LID when known. {@code phone} is the phone JID or null.
     */
    public record Person(String jid, String phone, String lid) {

        /** The person as the id alone tells (null for a null id). */
        public static Person of(String wid) {
            return isLid(wid) ? new Person(wid, null, wid) : new Person(wid, isPhone(wid) ? wid : null, null);
        }

        boolean complete() {
            return phone != null && lid != null;
        }
    }

    private record Entry(Person person, long resolvedAtMillis) {}

    private final Clock clock;
    private final Map<String, Entry> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    public Identities(Clock clock) {
        this.clock = clock;
    }

    public static boolean isLid(String wid) {
        return wid != null && wid.endsWith("@lid");
    }

    static boolean isPhone(String wid) {
        return wid != null && wid.endsWith("@c.us");
    }

    /**
     * The people these ids name, in one call into the page for the ones not known yet. Ids that name no person
     * (groups, broadcasts, null) are not in the answer. A failed lookup leaves the id as it is, never fails.
     */
    public Map<String, Person> resolve(BrowserPage page, Collection<String> wids) {
        Map<String, Person> answer = new HashMap<>();
        Set<String> lookup = new LinkedHashSet<>();
        long now = clock.millis();
        for (String wid : wids) {
            if (!isLid(wid) && !isPhone(wid)) {
                continue;
            }
            Entry entry = known.get(wid);
            if (entry != null
                    && (entry.person().complete() || now - entry.resolvedAtMillis() < RETRY_UNKNOWN.toMillis())) {
                answer.put(wid, entry.person());
            } else {
                lookup.add(wid);
            }
        }
        if (!lookup.isEmpty() && page != null) {
            PageCalls.Result result = PageCalls.call(page, LOOKUP, Map.of("ids", List.copyOf(lookup)));
            Map<?, ?> found = result.ok() && result.value() instanceof Map<?, ?> map ? map : Map.of();
            for (String wid : lookup) {
                if (found.get(wid) instanceof Map<?, ?> row) {
                    Person person = person(wid, row.get("phone"), row.get("lid"));
                    known.put(wid, new Entry(person, now));
                    answer.put(wid, person);
                }
            }
        }
        for (String wid : lookup) {
            answer.putIfAbsent(wid, Person.of(wid));
        }
        return answer;
    }

    private static Person person(String wid, Object phoneValue, Object lidValue) {
        String phone = phoneValue instanceof String p && isPhone(p) ? p : isPhone(wid) ? wid : null;
        String lid = lidValue instanceof String l && isLid(l) ? l : isLid(wid) ? wid : null;
        return new Person(phone != null ? phone : lid != null ? lid : wid, phone, lid);
    }
}
