package io.minerai.ops.driver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.proto.CgminerReply;
import io.minerai.ops.proto.TcpRequest;

/**
 * A cgminer-API client: one command per connection (some firmware, e.g. S19, rejects {@code +} multi-commands), JSON
 * requests by default or the plain-text "pipe" form.
 *
 * @param tcp where and with which timeouts
 * @param plainText send {@code summary} / {@code cmd|param} instead of JSON
 */
public record CgminerRpc(TcpRequest tcp, boolean plainText) {
    public CgminerReply command(String command) throws DeviceException {
        return command(command, "");
    }

    public CgminerReply command(String command, String parameter) throws DeviceException {
        String req;
        if (plainText) {
            req = parameter.isEmpty() ? command : command + "|" + parameter;
        } else {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("command", command);
            if (!parameter.isEmpty()) {
                o.put("parameter", parameter);
            }
            req = o.toString();
        }
        String raw = tcp.exchange(req);
        try {
            return CgminerReply.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new DeviceException(AckStatus.FAILED, tcp.address() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Bitmain's {@code new_api} form: {@code {"command":..,"new_api":true}}, the flag at the top level (nested under
     * {@code parameter} the firmware ignores it: asic-rs #328). JSON only.
     */
    public CgminerReply newApi(String command) throws DeviceException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("command", command);
        o.put("new_api", true);
        String raw = tcp.exchange(o.toString());
        CgminerReply r;
        try {
            r = CgminerReply.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new DeviceException(AckStatus.FAILED, tcp.address() + ": " + e.getMessage(), e);
        }
        if (!r.status().ok()) {
            throw new DeviceException(
                    AckStatus.FAILED,
                    tcp.address() + ": " + command + " new_api: " + r.status().code() + " "
                            + r.status().msg());
        }
        return r;
    }

    /** Like {@link #command} but a refusal (STATUS E/F) becomes an exception with the device's message. */
    public CgminerReply checked(String command, String parameter) throws DeviceException {
        CgminerReply r = command(command, parameter);
        CgminerReply.Status st = r.status();
        if (!st.ok()) {
            AckStatus s =
                    r.accessDenied() || st.code() == 402 || st.code() == 401 ? AckStatus.DENIED : AckStatus.FAILED;
            throw new DeviceException(s, tcp.address() + ": " + command + ": " + st.code() + " " + st.msg());
        }
        return r;
    }
}
