//! Term matching: finds a termbase's terms in message text. (Being written.)
