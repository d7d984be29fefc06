package io.minerai.ops.driver.whatsminerv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The cipher against values computed independently with OpenSSL (the vendor document's own reference: {@code openssl
 * passwd -1 -salt $salt "${admin_password}"}):
 *
 * <pre>
 * K=$(openssl passwd -1 -salt BQ5hoXV9 admin | cut -d'$' -f4)              # RxmaDUO33TS7O26yeMHZ81
 * S=$(openssl passwd -1 -salt YnYX8a3S "${K}1690000000" | cut -d'$' -f4)   # ri1/P8.J1wFtlCzpPhMPj1
 * AES=$(printf '%s' "$K" | sha256sum | cut -d' ' -f1)
 * printf '{"cmd":"power_on","token":"%s"}' "$S" > pt; truncate -s 64 pt    # zero padding to 16-byte blocks
 * openssl enc -aes-256-ecb -nopad -K $AES -in pt | base64 -w0
 * </pre>
 */
class WhatsminerV2CryptoTest {
    static final String KEY = "RxmaDUO33TS7O26yeMHZ81";
    static final String SIGN = "ri1/P8.J1wFtlCzpPhMPj1";
    static final String PLAIN = "{\"cmd\":\"power_on\",\"token\":\"" + SIGN + "\"}";
    static final String CIPHER =
            "WVz5U209eNn5F0vAECDsXlQda+7gBtzMbWbI2y5QTYwfjeY9COUw1dkJLrN6tPbN0q0lXz39UE5UzxlxOFbR6A==";

    @Test
    void keyAndSignMatchOpensslMd5Crypt() {
        assertThat(WhatsminerV2Crypto.key("admin", "BQ5hoXV9")).isEqualTo(KEY);
        assertThat(WhatsminerV2Crypto.sign(KEY, "1690000000", "YnYX8a3S")).isEqualTo(SIGN);
    }

    @Test
    void encryptIsAes256EcbOfTheZeroPaddedText() {
        assertThat(WhatsminerV2Crypto.encrypt(KEY, PLAIN)).isEqualTo(CIPHER);
        assertThat(WhatsminerV2Crypto.decrypt(KEY, CIPHER)).isEqualTo(PLAIN);
    }

    @Test
    void decryptRefusesWhatIsNotCiphertext() {
        assertThatThrownBy(() -> WhatsminerV2Crypto.decrypt(KEY, "not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WhatsminerV2Crypto.decrypt(KEY, "QUJD")) // 3 bytes
                .hasMessageContaining("whole AES blocks");
    }

    @Test
    void aWrongPasswordGivesAnotherKey() {
        assertThat(WhatsminerV2Crypto.key("admin1", "BQ5hoXV9")).isNotEqualTo(KEY);
    }
}
