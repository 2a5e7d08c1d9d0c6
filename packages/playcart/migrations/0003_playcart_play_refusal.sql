-- A play is one statement (src/games/play-claim.ts): it consumes the shopper's allowance,
-- claims the drawn prize and records the play, its reward and its event together. When the
-- allowance or the prize turns out to be gone, that statement calls this function, and the
-- error it raises undoes everything the statement wrote. The message names the reason.
CREATE OR REPLACE FUNCTION playcart_refuse_play(reason text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'PC001', MESSAGE = 'playcart_refuse_play:' || reason;
END;
$$;
