package io.wamonitor.simulator.network;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** WhatsApp ids: user and group wids, message ids. */
public final class Wids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Wids() {}

    /** Digits only, as WhatsApp stores numbers; accepts "+1 555-000", "1555000@c.us". */
    public static String digits(String phoneOrWid) {
        if (phoneOrWid == null) {
            return "";
        }
        String local = phoneOrWid.contains("@") ? phoneOrWid.substring(0, phoneOrWid.indexOf('@')) : phoneOrWid;
        return local.replaceAll("[^0-9]", "");
    }

    public static boolean isPhoneNumber(String digits) {
        return digits.matches("[1-9][0-9]{6,14}");
    }

    public static String user(String phone) {
        return digits(phone) + "@c.us";
    }

    /** A LID wid: {@code <digits>@lid}. */
    public static String lid(String lidDigits) {
        return lidDigits + "@lid";
    }

    public static boolean isLid(String wid) {
        return wid != null && wid.endsWith("@lid");
    }

    public static String group(String group) {
        return group.endsWith("@g.us") ? group : group + "@g.us";
    }

    public static boolean isGroup(String wid) {
        return wid != null && wid.endsWith("@g.us");
    }

    /** A message id in the style of WhatsApp Web (3EB0…) or of a phone (3A…). */
    public static String newMessageId(boolean fromWeb) {
        byte[] bytes = new byte[fromWeb ? 8 : 9];
        RANDOM.nextBytes(bytes);
        return (fromWeb ? "3EB0" : "3A") + HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
    }

    /** The serialized MsgKey: {@code <fromMe>_<remote>_<id>[_<participant>]}. */
    public static String serializedKey(boolean fromMe, String remote, String id, String participant) {
        return fromMe + "_" + remote + "_" + id + (participant != null && !fromMe ? "_" + participant : "");
    }
}
