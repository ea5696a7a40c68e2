"""Draw the example site's photos: simple scenes, photo-sized, with the EXIF a phone would write.

Nothing here is copied from anywhere: each picture is drawn with Pillow (a
banner over a stage, a row of people-shaped figures, a sports field, medals,
a basketball court), with a little sensor noise so that it compresses like a
photo. Each JPEG carries what a phone writes: make, model, the time it was
taken, an orientation (one is stored sideways, as phones store portrait
photos) and a GPS position, so the example site shows the photo pipeline
removing all of it.

Run from the project folder (the output is the same every time):

    .venv/bin/python tools/example_photos.py

The bench (tests/bench/bench_photos.py) draws its phone photos with
:func:`scene` too.
"""

from __future__ import annotations

import random
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")

#: (file under content/, scene, size as viewed, banner text, EXIF time, orientation)
PHOTOS = [
    ("bulletins/2026/images/songbu-games-opening.jpg", "stage", (2400, 1600), "松埠镇第二届职工运动会", "2026:05:15 08:42:10", 1),
    ("bulletins/2026/images/songbu-games-tug.jpg", "field", (2400, 1600), "", "2026:05:15 10:05:31", 1),
    ("bulletins/2026/images/songbu-games-runner.jpg", "runner", (1500, 2000), "", "2026:05:15 10:40:02", 6),
    ("bulletins/2024/images/lanwan-basketball-final.jpg", "court", (2400, 1600), "", "2024:04:26 20:51:44", 1),
    ("bulletins/2024/images/lanwan-basketball-medals.jpg", "medals", (2000, 1500), "", "2024:04:26 21:30:05", 1),
    ("bulletins/2025/images/jiangyu-model-workers.jpg", "people", (2400, 1600), "江屿县五一劳动奖章表彰大会", "2025:04:29 09:15:20", 1),
]


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.truetype(str(FONT), size) if FONT.is_file() else ImageFont.load_default()


def _person(draw: ImageDraw.ImageDraw, x: int, y: int, h: int, colour: tuple[int, int, int], rng: random.Random) -> None:
    """A people-shaped figure standing with its feet at (x, y), ``h`` tall."""
    head = h // 7
    skin = rng.choice([(236, 196, 160), (222, 178, 140), (245, 210, 178)])
    draw.ellipse((x - head // 2, y - h, x + head // 2, y - h + head), fill=skin)
    draw.ellipse((x - head // 2, y - h - head // 8, x + head // 2, y - h + head // 3), fill=(30, 26, 24))  # hair
    draw.rounded_rectangle((x - h // 7, y - h + head, x + h // 7, y - h // 2 + head // 2), radius=h // 20, fill=colour)
    leg = (40, 44, 60)
    draw.rectangle((x - h // 9, y - h // 2 + head // 2, x - h // 60, y), fill=leg)
    draw.rectangle((x + h // 60, y - h // 2 + head // 2, x + h // 9, y), fill=leg)


def _banner(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], text: str) -> None:
    draw.rectangle(box, fill=(196, 24, 30))
    if text:
        font = _font((box[3] - box[1]) * 6 // 10)
        draw.text(((box[0] + box[2]) // 2, (box[1] + box[3]) // 2), text, font=font, fill=(255, 224, 120), anchor="mm")


def scene(kind: str, size: tuple[int, int], text: str = "", seed: int = 0) -> Image.Image:
    """One drawn scene, ``size`` as viewed (upright)."""
    w, h = size
    rng = random.Random(f"{kind}-{seed}")
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    shirts = [(220, 60, 50), (40, 110, 200), (250, 200, 40), (40, 160, 90), (240, 240, 240), (150, 60, 160)]
    if kind in ("stage", "people"):
        for y in range(h):  # a dark hall, lighter towards the stage
            v = 30 + 50 * y // h
            draw.line((0, y, w, y), fill=(v, v // 2 + 10, v // 2 + 20))
        draw.rectangle((0, int(h * 0.62), w, h), fill=(120, 40, 36))  # the stage floor, red carpet
        _banner(draw, (int(w * 0.08), int(h * 0.08), int(w * 0.92), int(h * 0.2)), text)
        count = 9 if kind == "people" else 5
        for i in range(count):
            x = int(w * (0.12 + 0.76 * i / (count - 1)))
            _person(draw, x, int(h * 0.82), int(h * 0.42), rng.choice(shirts) if kind == "stage" else (34, 40, 70), rng)
            if kind == "people":  # a medal on each chest
                draw.ellipse((x - h // 60, int(h * 0.55), x + h // 60, int(h * 0.55) + h // 30), fill=(240, 190, 40))
    elif kind in ("field", "runner"):
        draw.rectangle((0, 0, w, int(h * 0.35)), fill=(150, 200, 240))  # sky
        draw.rectangle((0, int(h * 0.35), w, h), fill=(70, 150, 70))  # grass
        for i in range(8):  # the running track's lanes
            y = int(h * (0.55 + 0.05 * i))
            draw.line((0, y, w, y + int(h * 0.02)), fill=(250, 250, 250), width=max(2, h // 300))
        if kind == "field":
            rope = int(h * 0.6)
            draw.line((int(w * 0.05), rope, int(w * 0.95), rope), fill=(200, 170, 110), width=h // 80)
            for i in range(12):
                x = int(w * (0.1 + 0.8 * i / 11))
                _person(draw, x, rope + int(h * 0.2), int(h * 0.3), shirts[0] if i < 6 else shirts[1], rng)
        else:
            _person(draw, w // 2, int(h * 0.85), int(h * 0.55), shirts[2], rng)
    elif kind == "court":
        draw.rectangle((0, 0, w, h), fill=(20, 22, 40))
        draw.rectangle((0, int(h * 0.45), w, h), fill=(200, 140, 80))  # the wooden floor
        draw.arc((int(w * 0.3), int(h * 0.55), int(w * 0.7), int(h * 1.1)), 180, 360, fill=(255, 255, 255), width=h // 150)
        draw.rectangle((int(w * 0.46), int(h * 0.12), int(w * 0.54), int(h * 0.24)), outline=(250, 250, 250), width=h // 150)  # backboard
        draw.ellipse((int(w * 0.47), int(h * 0.23), int(w * 0.53), int(h * 0.27)), outline=(240, 90, 20), width=h // 150)  # hoop
        for i in range(6):
            _person(draw, int(w * (0.15 + 0.14 * i)), int(h * 0.85), int(h * 0.45), shirts[i % 2 * 4], rng)
        for i in range(5):  # the floodlights
            draw.ellipse((int(w * (0.1 + 0.2 * i)), int(h * 0.03), int(w * (0.13 + 0.2 * i)), int(h * 0.07)), fill=(255, 250, 220))
    elif kind == "medals":
        draw.rectangle((0, 0, w, h), fill=(140, 20, 28))  # red cloth
        for i, colour in enumerate([(240, 195, 50), (200, 200, 210), (205, 127, 50)]):
            cx, r = int(w * (0.25 + 0.25 * i)), int(h * 0.14)
            draw.polygon([(cx - r // 2, int(h * 0.1)), (cx + r // 2, int(h * 0.1)), (cx + r // 5, int(h * 0.5)), (cx - r // 5, int(h * 0.5))], fill=(30, 80, 170))
            draw.ellipse((cx - r, int(h * 0.5), cx + r, int(h * 0.5) + 2 * r), fill=colour, outline=(90, 60, 20), width=h // 200)
            draw.text((cx, int(h * 0.5) + r), str(i + 1), font=_font(r), fill=(90, 60, 20), anchor="mm")
    else:
        raise ValueError(kind)
    img = img.filter(ImageFilter.GaussianBlur(1.2))  # no drawn edge is as sharp as a vector's in a photo
    noise = Image.effect_noise(size, 24).convert("RGB")
    return Image.blend(img, noise, 0.06)


def exif_bytes(when: str, orientation: int, seed: int = 0) -> bytes:
    """What a phone writes: make, model, times, orientation and a GPS position (made up, near the coast)."""
    rng = random.Random(seed)
    exif = Image.Exif()
    exif[0x010F] = "ExamplePhone"  # Make
    exif[0x0110] = "EP-12"  # Model
    exif[0x0132] = when  # DateTime
    exif[0x0112] = orientation
    exif[0x0131] = "EP-12 Camera 3.1"  # Software
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = when  # DateTimeOriginal
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (29.0, float(rng.randint(50, 59)), float(rng.randint(0, 59)))
    gps[3], gps[4] = "E", (121.0, float(rng.randint(30, 45)), float(rng.randint(0, 59)))
    return exif.tobytes()


def stored(upright: Image.Image, orientation: int) -> Image.Image:
    """The pixels as a phone stores them: for orientation 6, turned a quarter left (the viewer turns them back)."""
    return upright.transpose(Image.Transpose.ROTATE_90) if orientation == 6 else upright


def phone_jpeg(kind: str, size: tuple[int, int], when: str, orientation: int, text: str = "", seed: int = 0, quality: int = 88) -> bytes:
    out = BytesIO()
    stored(scene(kind, size, text, seed), orientation).save(out, "JPEG", quality=quality, exif=exif_bytes(when, orientation, seed))
    return out.getvalue()


def main() -> None:
    for n, (rel, kind, size, text, when, orientation) in enumerate(PHOTOS):
        target = ROOT / "content" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(phone_jpeg(kind, size, when, orientation, text, seed=n, quality=80))
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
