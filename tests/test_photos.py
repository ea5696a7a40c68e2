"""The photo pipeline: what a bulletin's pictures become on the published site.

Every fixture is made here with Pillow (and pillow-heif): a phone photo stored
sideways with GPS in its EXIF, a HEIC, a truncated JPEG, a decompression bomb,
a text file named .jpg.
"""

from __future__ import annotations

import re
import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pillow_heif import register_heif_opener

from conftest import Site
from union_bulletin import photos

register_heif_opener()

NEWS = {"title": "职工运动会", "date": "2024-05-20", "org": "county", "type": "news"}
PAGE = "content/bulletins/2024/games.md"
IMAGES = "content/bulletins/2024/images"


def phone_photo(width: int = 2000, height: int = 1500, *, orientation: int = 1, gps: bool = True, fmt: str = "JPEG", colour: tuple[int, int, int] = (40, 120, 200)) -> bytes:
    """A photo as a phone stores it: pixels as the sensor read them, EXIF with camera, time, orientation and GPS."""
    img = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, width // 4, height // 4), fill=(220, 30, 30))  # a red corner: shows which way is up
    exif = Image.Exif()
    exif[0x010F] = "测试相机厂"
    exif[0x0110] = "Phone 12"
    exif[0x0132] = "2024:05:20 09:30:00"
    exif[0x0112] = orientation
    if gps:
        g = exif.get_ifd(0x8825)
        g[1], g[2], g[3], g[4] = "N", (30.0, 15.0, 42.0), "E", (121.0, 32.0, 7.0)
    out = BytesIO()
    img.save(out, fmt, quality=90, exif=exif.tobytes())
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` × ``height`` pixels and holds almost nothing: a decompression bomb's header."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def published_images(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp", ".heic"} and "assets" not in p.parts)


def assert_no_metadata(path: Path) -> None:
    raw = path.read_bytes()
    with Image.open(path) as img:
        assert not img.getexif(), path
        assert not img.getexif().get_ifd(0x8825), path
        assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp", "comment"} & set(img.info), (path, img.info.keys())
    assert b"Exif" not in raw and "测试相机厂".encode() not in raw and b"Phone 12" not in raw, path


def pictures(html: str) -> list[str]:
    return re.findall(r'<a class="glightbox ub-photo".*?</a>', html)


def test_a_phone_photo_is_published_upright_resized_and_without_exif(site: Site) -> None:
    # Stored 2400×1800 with orientation 6 (rotate 90° clockwise to view): the photo is 1800 wide, 2400 tall.
    site.write(f"{IMAGES}/tall.jpg", phone_photo(2400, 1800, orientation=6))
    site.write(f"{IMAGES}/wide.jpg", phone_photo(700, 500, gps=True))
    site.bulletin("2024/games.md", "开幕式。\n\n![运动员入场](images/tall.jpg)\n\n![颁奖](images/wide.jpg)\n", **NEWS)
    r = site.build()
    assert r.warnings == []
    out = r.site / "bulletins/2024/images"
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"{stem}-{w}.{ext}" for stem, ws in (("tall", (1600, 480, 960)), ("wide", (480, 700))) for w in sorted(ws, key=str) for ext in ("jpg", "webp")]
    assert not (out / "tall.jpg").exists() and not (out / "wide.jpg").exists()  # originals are not published
    for p in published_images(r.site):
        assert_no_metadata(p)
    for w in (480, 960):
        with Image.open(out / f"tall-{w}.webp") as img:
            assert img.size == (w, round(w * 2400 / 1800))  # tall: the orientation was applied
            # the red corner was at the stored top left; turned 90° clockwise it is at the top right
            assert img.convert("RGB").getpixel((w - 3, 3))[0] > 180
    with Image.open(out / "wide-700.jpg") as img:
        assert img.size == (700, 500)  # never upscaled: 700 wide gives 480 and 700, not 960 or 1600
    html = r.html("bulletins/2024/games/")
    first, second = pictures(html)
    assert first == (
        '<a class="glightbox ub-photo" href="../images/tall-1600.webp" data-type="image" data-title="运动员入场">'
        '<picture><source type="image/webp" srcset="../images/tall-480.webp 480w, ../images/tall-960.webp 960w, '
        '../images/tall-1600.webp 1600w" sizes="(min-width: 720px) min(42em, 60vh), min(100vw, 60vh)">'
        '<img src="../images/tall-960.jpg" srcset="../images/tall-480.jpg 480w, ../images/tall-960.jpg 960w, ../images/tall-1600.jpg 1600w" '
        'sizes="(min-width: 720px) min(42em, 60vh), min(100vw, 60vh)" width="1600" height="2133" alt="运动员入场"></picture></a>'
    )  # a portrait photo is at most 80vh tall, so at most 60vh wide
    assert 'sizes="(min-width: 720px) 42em, 100vw" width="700" height="500" alt="颁奖" loading="lazy" decoding="async"' in second  # below the first: lazy


def test_the_cover_is_eager_and_the_body_photos_lazy(site: Site) -> None:
    site.write(f"{IMAGES}/cover.jpg", phone_photo(1800, 1200))
    site.write(f"{IMAGES}/a.jpg", phone_photo(900, 600))
    site.bulletin("2024/games.md", "![甲](images/a.jpg)\n", cover="images/cover.jpg", **NEWS)
    r = site.build()
    assert r.warnings == []
    html = r.html("bulletins/2024/games/")
    cover, body = pictures(html)
    assert '<figure class="ub-cover"><a class="glightbox ub-photo" href="../images/cover-1600.webp"' in html
    assert 'sizes="(min-width: 1220px) 1140px, 100vw" width="1600" height="1067" alt="职工运动会">' in cover and "loading=" not in cover
    assert 'loading="lazy" decoding="async"' in body


def test_heic_from_a_phone_is_accepted(site: Site) -> None:
    site.write(f"{IMAGES}/iphone.heic", phone_photo(1200, 900, fmt="HEIF"))
    site.bulletin("2024/games.md", "![手机照片](images/iphone.heic)\n", **NEWS)
    r = site.build()
    assert r.warnings == []
    out = r.site / "bulletins/2024/images"
    assert sorted(p.name for p in out.iterdir()) == ["iphone-1200.jpg", "iphone-1200.webp", "iphone-480.jpg", "iphone-480.webp", "iphone-960.jpg", "iphone-960.webp"]
    for p in out.iterdir():
        assert_no_metadata(p)
    assert 'src="../images/iphone-960.jpg"' in r.html("bulletins/2024/games/")


def test_worker_processes_read_heic_by_themselves(tmp_path: Path) -> None:
    """This test module registers pillow-heif to write its fixtures; spawned workers have only what photos.py registers."""
    sources = []
    for n in range(2):
        path = tmp_path / f"p{n}.heic"
        path.write_bytes(phone_photo(500 + n, 400, fmt="HEIF"))
        sources.append(photos.Source(path, path.name, f"img/p{n}.heic"))
    out = photos.publish(sources, tmp_path / "site", tmp_path / "cache", workers=2)
    assert all(isinstance(p, photos.Photo) for p in out.photos.values()), out.photos


def test_a_transparent_png_keeps_its_transparency(site: Site) -> None:
    img = Image.new("RGBA", (600, 300), (0, 0, 0, 0))
    ImageDraw.Draw(img).ellipse((100, 50, 500, 250), fill=(200, 30, 30, 255))
    out = BytesIO()
    img.save(out, "PNG")
    site.write(f"{IMAGES}/logo.png", out.getvalue())
    site.bulletin("2024/games.md", "![会徽](images/logo.png)\n", **NEWS)
    r = site.build()
    names = sorted(p.name for p in (r.site / "bulletins/2024/images").iterdir())
    assert names == ["logo-480.png", "logo-480.webp", "logo-600.png", "logo-600.webp"]  # PNG, not JPEG, as the fallback
    for name in names:
        with Image.open(r.site / "bulletins/2024/images" / name) as png:
            assert png.convert("RGBA").getpixel((2, 2))[3] == 0


BAD = [
    ("truncated.jpg", lambda: phone_photo(1600, 1200)[:6000],
     "发现 不完整或已损坏的 JPEG 文件（6000 字节），无法解码，应为 完整的JPEG、PNG、WebP 或 HEIC 照片"
     "（本页在图片位置显示其文字说明；用看图软件打开检查，或从手机、相机重新导出图片）"),
    ("notes.jpg", lambda: "会议记录：这不是图片。".encode(),
     "发现 无法识别的文件内容（不是图片，或文件已损坏），应为 JPEG、PNG、WebP 或 HEIC 照片"
     "（本页在图片位置显示其文字说明；用看图软件打开检查，或从手机、相机重新导出图片）"),
    ("bomb.png", lambda: png_header(30000, 30000),
     "发现 30000×30000 像素的图片（900,000,000 像素），应为 不超过 120,000,000 像素的照片"
     "（本页在图片位置显示其文字说明；缩小图片（如宽度 4000 像素以内）后再用）"),
    ("scan.tif", lambda: _saved(Image.new("RGB", (40, 30)), "TIFF"),
     "发现 TIFF 格式的图片（网页不能直接显示或本站不处理），应为 JPEG、PNG、WebP 或 HEIC 照片"
     "（本页在图片位置显示其文字说明；用看图软件另存为 JPEG 或 PNG）"),
]


def _saved(img: Image.Image, fmt: str) -> bytes:
    out = BytesIO()
    img.save(out, fmt)
    return out.getvalue()


@pytest.mark.parametrize(("name", "make", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_image_is_named_with_its_page_and_the_build_goes_on(site: Site, name: str, make, message: str) -> None:  # type: ignore[no-untyped-def]
    site.write(f"{IMAGES}/{name}", make())
    site.write(f"{IMAGES}/good.jpg", phone_photo(800, 600))
    site.bulletin("2024/games.md", f"![坏图]({'images/' + name})\n\n![好图](images/good.jpg)\n", **NEWS)
    r = site.build()
    assert r.warnings == [f"{PAGE}: 图片 {IMAGES}/{name}: {message}"]
    assert not r.aborted
    html = r.html("bulletins/2024/games/")
    assert '<span class="ub-photo-missing" role="img" aria-label="图片暂不能显示：坏图">图片暂不能显示：坏图</span>' in html
    assert 'alt="好图"' in html  # the rest of the page is published
    assert not (r.site / "bulletins/2024/images" / name).exists()
    strict = site.build(strict=True)
    assert strict.aborted


def test_a_bad_cover_is_left_out_with_a_message(site: Site) -> None:
    site.write(f"{IMAGES}/cover.jpg", phone_photo(1600, 1200)[:5000])
    site.bulletin("2024/games.md", **NEWS, cover="images/cover.jpg")
    r = site.build()
    assert r.warnings == [
        f"{PAGE}: 图片 {IMAGES}/cover.jpg: 发现 不完整或已损坏的 JPEG 文件（5000 字节），无法解码，应为 完整的JPEG、PNG、WebP 或 HEIC 照片"
        "（本页在图片位置显示其文字说明；用看图软件打开检查，或从手机、相机重新导出图片）"
    ]
    assert "ub-cover" not in r.html("bulletins/2024/games/")


def test_originals_are_published_only_when_the_site_opts_in(site: Site) -> None:
    original = phone_photo(900, 600)
    site.write(f"{IMAGES}/a.jpg", original)
    site.bulletin("2024/games.md", "![甲](images/a.jpg)\n", **NEWS)
    assert not (site.build().site / "bulletins/2024/images/a.jpg").exists()
    r = site.build(plugins=[{"bulletin": {"photo_originals": True}}])
    assert (r.site / "bulletins/2024/images/a.jpg").read_bytes() == original  # byte for byte, as the site asked
    assert (r.site / "bulletins/2024/images/a-480.webp").is_file()


def test_encoding_is_cached_by_content(site: Site) -> None:
    site.write(f"{IMAGES}/a.jpg", phone_photo(900, 600))
    site.write(f"{IMAGES}/b.jpg", phone_photo(1000, 700, colour=(10, 200, 10)))
    site.bulletin("2024/games.md", "![甲](images/a.jpg)\n\n![乙](images/b.jpg)\n", **NEWS)
    first = site.build()
    assert "照片：新压制 2 张，沿用缓存 0 张" in first.infos
    before = {p.name: p.read_bytes() for p in (first.site / "bulletins/2024/images").iterdir()}
    again = site.build()
    assert "照片：新压制 0 张，沿用缓存 2 张" in again.infos
    assert {p.name: p.read_bytes() for p in (again.site / "bulletins/2024/images").iterdir()} == before  # the same bytes
    # linked from the cache (nothing copied: a preview puts every photo into an emptied site folder each rebuild)
    assert all(p.stat().st_nlink == 2 for p in (again.site / "bulletins/2024/images").iterdir())
    site.write(f"{IMAGES}/b.jpg", phone_photo(1000, 700, colour=(200, 200, 10)))
    changed = site.build()
    assert "照片：新压制 1 张，沿用缓存 1 张" in changed.infos
    after = {p.name: p.read_bytes() for p in (changed.site / "bulletins/2024/images").iterdir()}
    assert {n for n in after if after[n] != before[n]} == {"b-480.jpg", "b-480.webp", "b-960.jpg", "b-960.webp", "b-1000.jpg", "b-1000.webp"}


def test_output_is_the_same_from_a_cold_cache(tmp_path: Path) -> None:
    source = tmp_path / "a.jpg"
    source.write_bytes(phone_photo(1700, 1100, orientation=3))
    runs = []
    for n in (1, 2):
        out = photos.publish([photos.Source(source, "a.jpg", "img/a.jpg")], tmp_path / f"site{n}", tmp_path / f"cache{n}")
        assert out.encoded == 1
        runs.append({p.name: p.read_bytes() for p in (tmp_path / f"site{n}/img").iterdir()})
    assert runs[0] == runs[1]


def test_many_photos_are_encoded_by_worker_processes(tmp_path: Path) -> None:
    sources = []
    for n in range(3):
        path = tmp_path / f"p{n}.jpg"
        path.write_bytes(phone_photo(600 + n, 400, orientation=8))
        sources.append(photos.Source(path, path.name, f"img/p{n}.jpg"))
    out = photos.publish(sources, tmp_path / "site", tmp_path / "cache", workers=2)
    assert (out.encoded, out.reused) == (3, 0)
    for n in range(3):
        found = out.photos[f"img/p{n}.jpg"]
        assert isinstance(found, photos.Photo) and (found.width, found.height) == (400, 600 + n)


def test_what_the_author_wrote_on_an_image_is_kept(site: Site) -> None:
    site.write(f"{IMAGES}/a.jpg", phone_photo(900, 600))
    site.bulletin("2024/games.md", '![甲](images/a.jpg){ width="300" title="开幕式" .wide }\n', **NEWS)
    r = site.build(markdown_extensions=["attr_list"])
    (only,) = pictures(r.html("bulletins/2024/games/"))
    assert 'sizes="min(300px, 100vw)" width="300" height="200" alt="甲" title="开幕式" class="wide">' in only


def test_the_compiled_report_prints_the_largest_jpeg(site: Site) -> None:
    site.write(f"{IMAGES}/a.jpg", phone_photo(900, 600))
    site.bulletin("2024/summary.md", "## 一、组织建设\n\n![职工大会](images/a.jpg)\n", title="县总工会2024年工作总结", date="2025-01-10", year=2024, org="county", type="summary")
    r = site.build()
    assert r.warnings == []
    printed = r.html("years/2024/print/")
    assert '<img src="../../../bulletins/2024/images/a-900.jpg" width="900" height="600" alt="职工大会">' in printed
    assert (r.site / "bulletins/2024/images/a-900.jpg").is_file()


def test_a_preview_writes_the_photos_of_the_pages_it_keeps(site: Site) -> None:
    from conftest import serving

    site.write(f"{IMAGES}/a.jpg", phone_photo(900, 600))
    site.bulletin("2024/games.md", "![甲](images/a.jpg)\n", **NEWS)
    site.bulletin("2024/other.md", "另一篇。", **{**NEWS, "title": "另一篇"})
    site.build()  # writes mkdocs.yml
    with serving(site.root) as rebuild:
        rebuild()
        site.bulletin("2024/other.md", "另一篇，改过。", **{**NEWS, "title": "另一篇"})
        config = rebuild()
        assert "bulletins/2024/games.md" in config.plugins["bulletin"].restored  # kept, not rendered again
        assert (Path(config.site_dir) / "bulletins/2024/images/a-900.webp").is_file()
        assert not (Path(config.site_dir) / "bulletins/2024/images/a.jpg").exists()


def test_a_photo_no_published_bulletin_uses_is_not_published(site: Site) -> None:
    site.write(f"{IMAGES}/draft.jpg", phone_photo(900, 600))
    site.write(f"{IMAGES}/unused.jpg", phone_photo(900, 600))
    site.bulletin("2024/draft.md", "![草稿里的照片](images/draft.jpg)\n", **NEWS, draft=True)
    site.bulletin("2024/games.md", "没有照片。", **{**NEWS, "title": "另一篇"})
    r = site.build()
    assert published_images(r.site) == []


def test_an_icc_profile_is_converted_to_srgb_and_not_written(site: Site) -> None:
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = BytesIO()
    Image.new("RGB", (800, 600), (200, 80, 40)).save(out, "JPEG", quality=95, icc_profile=srgb)
    site.write(f"{IMAGES}/tagged.jpg", out.getvalue())
    site.bulletin("2024/games.md", "![甲](images/tagged.jpg)\n", **NEWS)
    r = site.build()
    for p in published_images(r.site):
        assert_no_metadata(p)  # no icc_profile either
        with Image.open(p) as img:
            assert all(abs(a - b) <= 6 for a, b in zip(img.convert("RGB").getpixel((400, 300)), (200, 80, 40), strict=True)), p


def test_a_cache_that_cannot_be_written_stops_the_build_with_a_message(site: Site) -> None:
    site.write(f"{IMAGES}/a.jpg", phone_photo(900, 600))
    site.write(".cache/union-bulletin", "这里本该是文件夹。")  # a file where the cache folder should be
    site.bulletin("2024/games.md", "![甲](images/a.jpg)\n", **NEWS)
    r = site.build()
    assert r.aborted
    assert r.errors == [".cache/union-bulletin/photos: 照片无法写入缓存或网站文件夹，应为可写的文件夹（检查 bulletin 插件的 cache_dir 和文件夹权限）"]


def test_the_same_bytes_under_two_names_are_encoded_once(tmp_path: Path) -> None:
    data = phone_photo(700, 500)
    sources = []
    for name in ("a.jpg", "b.jpg"):
        (tmp_path / name).write_bytes(data)
        sources.append(photos.Source(tmp_path / name, name, f"img/{name}"))
    out = photos.publish(sources, tmp_path / "site", tmp_path / "cache")
    assert (out.encoded, out.reused) == (1, 1)
    assert sorted(p.name for p in (tmp_path / "site/img").iterdir()) == [f"{s}-{w}.{e}" for s in "ab" for w in (480, 700) for e in ("jpg", "webp")]
